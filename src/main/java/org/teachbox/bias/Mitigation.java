package org.teachbox.bias;

/** Ways to push back against a skewed training set. */
public enum Mitigation {
    /** Mistakes on a rare class cost more: each class's loss weight is N / (k · n_class). */
    CLASS_WEIGHTS,
    /** The rare class's images are shown again (with augmentation) until it is as big as before. */
    OVERSAMPLING
}
