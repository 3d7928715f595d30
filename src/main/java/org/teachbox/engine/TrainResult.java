package org.teachbox.engine;

import java.util.List;

/**
 * How a training run ended, the per-epoch history, and which epoch's weights the model now holds
 * (1-based; 0 if no epoch finished).
 */
public record TrainResult(Status status, List<EpochResult> history, int bestEpoch) {

    public enum Status {
        COMPLETED,
        CANCELLED,
        /** The loss became NaN or infinite: usually the learning rate is too high. */
        DIVERGED
    }
}
