package org.teachbox.training;

/**
 * The knobs under "Advanced". Defaults follow Teachable Machine: 50 epochs, batch 16,
 * Adam at learning rate 0.001, every epoch run. With {@code earlyStop} a run ends once
 * {@value #PATIENCE} epochs in a row found no better validation epoch. (A Boolean, so that
 * reports stored before the option existed read as false.)
 */
public record TrainingSettings(int epochs, int batchSize, double learningRate, OptimizerChoice optimizer, Boolean earlyStop) {

    /** Epochs without a better validation epoch after which early stopping ends a run. */
    public static final int PATIENCE = 10;

    public TrainingSettings(int epochs, int batchSize, double learningRate, OptimizerChoice optimizer) {
        this(epochs, batchSize, learningRate, optimizer, false);
    }

    /** Whether this run stops early; never null. */
    public boolean stopsEarly() {
        return Boolean.TRUE.equals(earlyStop);
    }

    /** The same settings with another learning rate (the "train again, ten times smaller" button). */
    public TrainingSettings withLearningRate(double rate) {
        return new TrainingSettings(epochs, batchSize, rate, optimizer, earlyStop);
    }

    public static final int MAX_EPOCHS = 500;
    public static final int MAX_BATCH = 512;
    /** Far past any rate that trains: the learning-rate exercise may try 1, 10 or 1,000. */
    public static final int MAX_LEARNING_RATE = 1000;

    public static TrainingSettings defaults() {
        return new TrainingSettings(50, 16, 0.001, OptimizerChoice.ADAM);
    }

    public TrainingSettings {
        earlyStop = Boolean.TRUE.equals(earlyStop);
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new IllegalArgumentException("epochs out of range: " + epochs);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batch size out of range: " + batchSize);
        }
        if (!(learningRate > 0 && learningRate <= MAX_LEARNING_RATE)) {
            throw new IllegalArgumentException("learning rate out of range: " + learningRate);
        }
    }
}
