package org.teachbox.training;

/**
 * Why a model is trained. The project's own model is the one Preview and Under the hood use;
 * the bias lab trains extra models for comparison that must never replace it.
 */
public enum Purpose {
    PROJECT, BIAS_FAIR, BIAS_SKEWED, BIAS_MITIGATED
}
