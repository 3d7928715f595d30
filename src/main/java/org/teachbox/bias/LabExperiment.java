package org.teachbox.bias;

/**
 * Which lesson a stored lab run belongs to, kept by name in {@code lab_run.experiment}. The
 * baseline is the fair run the imbalance and shortcut experiments compare against.
 */
public enum LabExperiment {
    BASELINE, IMBALANCE, SHORTCUT, SKEWED_COLLECTION;

    static LabExperiment of(Experiment experiment) {
        return experiment.kind() == Experiment.Kind.SHORTCUT ? SHORTCUT : IMBALANCE;
    }
}
