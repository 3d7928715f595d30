package org.teachbox.bias;

/**
 * Ways to push back against a skewed training set, in the order the lab offers them. Oversampling
 * comes first because it is the one that moved the cut class back in every run we measured
 * (see ImbalanceMitigationTest); class weights often did not, once the model had learnt its few
 * pictures by heart.
 */
public enum Mitigation {
    /** The rare class's images are shown again (with augmentation) until it is as big as before. */
    OVERSAMPLING,
    /** Mistakes on a rare class cost more: each class's loss weight is N / (k · n_class). */
    CLASS_WEIGHTS
}
