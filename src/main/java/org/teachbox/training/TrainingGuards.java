package org.teachbox.training;

import java.util.List;

import org.teachbox.project.ImageClass;
import org.teachbox.project.ProjectRuleException;

/**
 * Refuses a run that cannot teach anything, with a reason a learner can act on: one class only
 * (nothing to tell apart), or a class with fewer than two images (nothing left to validate on).
 */
final class TrainingGuards {

    static final int MIN_IMAGES_PER_CLASS = 2;

    private TrainingGuards() {
    }

    static void check(List<ImageClass> classes) {
        if (classes.size() < 2) {
            throw new ProjectRuleException("train.error.one-class");
        }
        for (ImageClass c : classes) {
            if (c.sampleCount() < MIN_IMAGES_PER_CLASS) {
                throw new ProjectRuleException("train.error.too-few", c.name(), MIN_IMAGES_PER_CLASS);
            }
        }
    }
}
