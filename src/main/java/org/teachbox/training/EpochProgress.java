package org.teachbox.training;

import org.teachbox.engine.EpochResult;

/**
 * One finished epoch as pages see it, so the views never depend on the engine's own types.
 * Validation numbers are NaN when there was no validation set.
 */
public record EpochProgress(int epoch, int epochs, double trainLoss, double trainAccuracy, double valLoss,
                            double valAccuracy, double imagesPerSecond) {

    static EpochProgress of(EpochResult r) {
        return new EpochProgress(r.epoch(), r.epochs(), r.trainLoss(), r.trainAccuracy(), r.valLoss(), r.valAccuracy(),
                r.imagesPerSecond());
    }
}
