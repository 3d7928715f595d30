package org.teachbox.training;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What school IT sees of the training queue on {@code /actuator/prometheus}: jobs waiting and
 * running now ({@code teachbox_training_waiting}, {@code teachbox_training_running}), how long
 * jobs waited for a worker ({@code teachbox_training_wait_seconds}), and how long a training
 * took by kind and outcome ({@code teachbox_training_duration_seconds{kind,outcome}}).
 */
final class TrainingMetrics {

    private final MeterRegistry meters;
    private final Timer waited;

    TrainingMetrics(MeterRegistry meters, FairQueue queue) {
        this.meters = meters;
        Gauge.builder("teachbox.training.waiting", queue, FairQueue::waitingCount)
                .description("Training jobs waiting for a worker").register(meters);
        Gauge.builder("teachbox.training.running", queue, FairQueue::runningCount)
                .description("Training jobs running").register(meters);
        this.waited = Timer.builder("teachbox.training.wait").description("Time from Train to a worker taking the job")
                .register(meters);
    }

    void started(TrainingJob job) {
        waited.record(Duration.ofNanos(System.nanoTime() - job.queuedAtNanos()));
    }

    /** @param outcome COMPLETED, DIVERGED, cancelled or failed */
    void ended(TrainingJob job, String outcome, long millis) {
        Timer.builder("teachbox.training.duration").description("How long one training ran, by kind and outcome")
                .tag("kind", job.kind().name().toLowerCase(java.util.Locale.ROOT))
                .tag("outcome", outcome.toLowerCase(java.util.Locale.ROOT))
                .register(meters).record(Duration.ofMillis(millis));
    }
}
