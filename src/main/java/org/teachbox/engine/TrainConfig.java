package org.teachbox.engine;

import org.teachbox.engine.optim.Adam;
import org.teachbox.engine.optim.Optimizer;

/**
 * Everything a training run needs besides the model and the data.
 *
 * @param classWeights per-class loss weights (the bias lab uses them), or null for unweighted
 * @param threads      worker threads; the results are identical for any value
 * @param keep         which epoch's weights the model holds at the end
 * @param patience     early stopping: stop after this many epochs without a better validation
 *                     epoch (by the rule {@link Keep#BEST_VALIDATION} picks with); 0 runs every epoch
 */
public record TrainConfig(int epochs, int batchSize, Optimizer optimizer, long seed, Augmentation augmentation,
                          float[] classWeights, int threads, Keep keep, int patience) {

    /** Which weights a finished run keeps. */
    public enum Keep {
        /** The epoch with the most validation images right: what a learner would pick. */
        BEST_VALIDATION,
        /**
         * The last epoch. For experiments whose validation set differs from the training data on
         * purpose (the bias lab), so that picking an epoch cannot quietly undo the experiment.
         */
        LAST_EPOCH
    }

    public TrainConfig(int epochs, int batchSize, Optimizer optimizer, long seed, Augmentation augmentation,
                       float[] classWeights, int threads) {
        this(epochs, batchSize, optimizer, seed, augmentation, classWeights, threads, Keep.BEST_VALIDATION);
    }

    /** Every epoch runs (no early stopping). */
    public TrainConfig(int epochs, int batchSize, Optimizer optimizer, long seed, Augmentation augmentation,
                       float[] classWeights, int threads, Keep keep) {
        this(epochs, batchSize, optimizer, seed, augmentation, classWeights, threads, keep, 0);
    }

    public TrainConfig {
        if (epochs < 1 || batchSize < 1 || threads < 1 || patience < 0) {
            throw new IllegalArgumentException("epochs, batchSize and threads must be >= 1, patience >= 0");
        }
        if (optimizer == null || augmentation == null || keep == null) {
            throw new IllegalArgumentException("optimizer, augmentation and keep are required (use Augmentation.none())");
        }
    }

    /** The classroom defaults: 50 epochs, batch 16, Adam 0.001, augmentation on, 2 threads. */
    public static TrainConfig defaults(long seed, boolean horizontalFlip) {
        return new TrainConfig(50, 16, new Adam(), seed, Augmentation.defaults(horizontalFlip), null, 2);
    }
}
