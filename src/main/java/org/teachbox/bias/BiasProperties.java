package org.teachbox.bias;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.teachbox.training.TrainingSettings;

/**
 * {@code teachbox.bias.*}: the Bias lab's runs.
 *
 * @param epochs   epochs of every lab run (fair, skewed, mitigated, collection comparisons)
 * @param labsKept labs held in memory (a class of 30 needs 30); the least recently used goes first
 */
@ConfigurationProperties("teachbox.bias")
public record BiasProperties(int epochs, int labsKept) {

    public BiasProperties {
        if (epochs <= 0) epochs = 30;
        if (labsKept <= 0) labsKept = 200;
    }

    /** How every lab run trains: the app's defaults, for {@link #epochs} epochs. */
    TrainingSettings runSettings() {
        TrainingSettings defaults = TrainingSettings.defaults();
        return new TrainingSettings(epochs, defaults.batchSize(), defaults.learningRate(), defaults.optimizer());
    }
}
