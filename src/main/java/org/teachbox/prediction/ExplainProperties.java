package org.teachbox.prediction;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code teachbox.explain.*}: the threads that draw "where the model looked".
 *
 * @param threads    heat-map threads; 0 means a quarter of the CPU cores (at least one)
 * @param maxWaiting heat maps that may wait for a thread; more are refused as "busy"
 */
@ConfigurationProperties("teachbox.explain")
public record ExplainProperties(int threads, int maxWaiting) {

    public ExplainProperties {
        if (threads < 0) threads = 0;
        if (maxWaiting <= 0) maxWaiting = 60;
    }

    /** The threads to start on this machine. */
    int workers() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 4);
    }
}
