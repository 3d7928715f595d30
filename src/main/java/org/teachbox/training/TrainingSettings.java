package org.teachbox.training;

/**
 * The knobs under "Advanced". Defaults follow Teachable Machine: 50 epochs, batch 16,
 * Adam at learning rate 0.001.
 */
public record TrainingSettings(int epochs, int batchSize, double learningRate, OptimizerChoice optimizer) {

    public static final int MAX_EPOCHS = 500;
    public static final int MAX_BATCH = 512;
    /** Far past any rate that trains: the learning-rate exercise may try 1, 10 or 1,000. */
    public static final int MAX_LEARNING_RATE = 1000;

    public static TrainingSettings defaults() {
        return new TrainingSettings(50, 16, 0.001, OptimizerChoice.ADAM);
    }

    public TrainingSettings {
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
