package org.teachbox.prediction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.teachbox.BackgroundPriority;

/**
 * The few threads that work out where a model looked. A heat map covers the picture patch by
 * patch and asks the network again each time: through the pretrained network that is 49 passes,
 * about a second of a core, against a few hundredths for the answer itself. A class previewing
 * at once would spend the whole machine on heat maps, starving everyone's training and clicks, so
 * answers are given at once and heat maps wait here, a quarter of the cores working on them.
 * A heat map nobody wants any more (the learner gave another picture) is skipped when its turn
 * comes, and when too many wait, a new one is refused rather than kept for minutes.
 */
@Component
public class ExplanationQueue implements DisposableBean, MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(ExplanationQueue.class);

    private final ThreadPoolExecutor pool;

    ExplanationQueue(ExplainProperties settings, BackgroundPriority priority) {
        int workers = settings.workers();
        int maxWaiting = settings.maxWaiting();
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, maxWaiting)), r -> {
                    Thread t = new Thread(() -> {
                        priority.lowerThisThread();
                        r.run();
                    }, "heat-map-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        log.info("Heat maps: {} thread(s), at most {} waiting", workers, maxWaiting);
    }

    /** Heat maps one learner may have waiting at once: the line is shared fairly, not first come. */
    static final int PER_LEARNER = 2;

    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> waitingBy =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** As {@link #submit(String, BooleanSupplier, Supplier)} for a caller that is nobody in particular. */
    public <T> CompletableFuture<Optional<T>> submit(BooleanSupplier stillWanted, Supplier<Optional<T>> work) {
        return submit("", stillWanted, work);
    }

    /**
     * Runs {@code work} when a thread is free, unless {@code stillWanted} says no by then (the
     * result is then empty). Fails with {@link RejectedExecutionException} at once when the line
     * is full, or when this learner already has {@value #PER_LEARNER} heat maps waiting in it.
     */
    public <T> CompletableFuture<Optional<T>> submit(String learner, BooleanSupplier stillWanted, Supplier<Optional<T>> work) {
        CompletableFuture<Optional<T>> result = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicInteger mine = waitingBy.computeIfAbsent(learner,
                l -> new java.util.concurrent.atomic.AtomicInteger());
        if (!learner.isEmpty() && mine.incrementAndGet() > PER_LEARNER) {
            leave(learner, mine);
            result.completeExceptionally(new RejectedExecutionException("this learner's heat maps are all waiting"));
            return result;
        }
        try {
            pool.execute(() -> {
                if (!learner.isEmpty()) {
                    leave(learner, mine); // taken by a thread: no longer waiting
                }
                if (!stillWanted.getAsBoolean()) {
                    result.complete(Optional.empty());
                    return;
                }
                try {
                    result.complete(work.get());
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException full) {
            if (!learner.isEmpty()) {
                leave(learner, mine);
            }
            result.completeExceptionally(full);
        }
        return result;
    }

    private void leave(String learner, java.util.concurrent.atomic.AtomicInteger mine) {
        if (mine.decrementAndGet() <= 0) {
            waitingBy.remove(learner, mine);
        }
    }

    /** {@code teachbox_heatmaps_waiting}: heat maps waiting for a thread. */
    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("teachbox.heatmaps.waiting", this, ExplanationQueue::waiting)
                .description("Heat maps waiting for a thread").register(meters);
    }

    /** True if {@code failure} (as a future completes with it) says the line was full, not that the work failed. */
    public static boolean isFull(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                ? c.getCause() : failure;
        return cause instanceof RejectedExecutionException;
    }

    /** Heat maps waiting for a thread now. */
    public int waiting() {
        return pool.getQueue().size();
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
