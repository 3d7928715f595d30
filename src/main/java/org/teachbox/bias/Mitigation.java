package org.teachbox.bias;

/**
 * Ways to push back against a skewed training set, in the order the lab offers them. Both move a
 * cut class back toward its true share on average (see ImbalanceMitigationTest). Oversampling
 * comes first because its single runs were steadier: class weights swung from run to run, and
 * sometimes lowered the share once the model had learnt its few pictures by heart.
 */
public enum Mitigation {
    /** The rare class's images are shown again (with augmentation) until it is as big as before. */
    OVERSAMPLING,
    /** Mistakes on a rare class cost more: each class's loss weight is N / (k · n_class). */
    CLASS_WEIGHTS
}
