package org.teachbox.engine.layers;

import java.util.SplittableRandom;

/**
 * Weight initialisation. He (Kaiming) for layers followed by ReLU or LeakyReLU, Glorot (Xavier)
 * otherwise: both draw from a uniform range chosen so that the variance of the signal stays
 * roughly the same from layer to layer, which keeps early training stable.
 */
public enum Init {
    /** U(-l, l) with l = sqrt(6 / fanIn): variance 2 / fanIn, made for ReLU. */
    HE,
    /** U(-l, l) with l = sqrt(6 / (fanIn + fanOut)): variance 2 / (fanIn + fanOut). */
    GLOROT;

    public void fill(float[] weights, int fanIn, int fanOut, SplittableRandom random) {
        double limit = this == HE ? Math.sqrt(6.0 / fanIn) : Math.sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
    }
}
