package org.teachbox.training;

/**
 * Why a model is trained. The project's own model is the one Preview and Under the hood use;
 * the bias lab trains extra models for comparison that must never replace it. The two
 * {@code BIAS_COLLECTION_*} runs train on other projects (a fair and a skewed collection) and are
 * judged on the lab project's test pictures. The {@code KINDS_*} runs train the project's photos
 * on the pretrained network and on a small network from scratch, to compare the two.
 */
public enum Purpose {
    PROJECT, BIAS_FAIR, BIAS_SKEWED, BIAS_MITIGATED, BIAS_COLLECTION_FAIR, BIAS_COLLECTION_SKEWED,
    KINDS_PRETRAINED, KINDS_SCRATCH
}
