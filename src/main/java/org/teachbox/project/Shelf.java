package org.teachbox.project;

/**
 * Which of a class's two shelves a picture sits on. Training pictures are split into training and
 * validation and trained on; test pictures are never trained on and never pick an epoch: after
 * training, they judge the model, the way a fair set of test photos judges a model trained on a
 * skewed collection.
 */
public enum Shelf {
    TRAINING, TEST;

    public boolean isTest() {
        return this == TEST;
    }

    static Shelf of(boolean isTest) {
        return isTest ? TEST : TRAINING;
    }
}
