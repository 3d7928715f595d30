package org.teachbox.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExplanationQueueTest {

    private final ExplanationQueue queue = new ExplanationQueue(new ExplainProperties(1, 2), new org.teachbox.BackgroundPriority(10));
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        queue.destroy();
    }

    /** Holds the only thread until the test lets go. */
    private CompletableFuture<Optional<String>> occupy() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Optional<String>> busy = queue.submit(() -> true, () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of("first");
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        return busy;
    }

    @Test
    void aHeatMapNobodyWantsAnyMoreIsNotWorkedOut() throws Exception {
        CompletableFuture<Optional<String>> first = occupy();
        AtomicBoolean wanted = new AtomicBoolean(true);
        AtomicInteger worked = new AtomicInteger();
        CompletableFuture<Optional<String>> stale = queue.submit(wanted::get, () -> {
            worked.incrementAndGet();
            return Optional.of("stale");
        });
        CompletableFuture<Optional<String>> fresh = queue.submit(() -> true, () -> Optional.of("fresh"));
        wanted.set(false); // the learner gave another picture while this one waited
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).contains("first");
        assertThat(stale.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(fresh.get(10, TimeUnit.SECONDS)).contains("fresh");
        assertThat(worked).hasValue(0);
    }

    @Test
    void aFullLineRefusesAtOnceInsteadOfKeepingTheLearnerWaiting() throws Exception {
        occupy();
        queue.submit(() -> true, () -> Optional.of("a"));
        queue.submit(() -> true, () -> Optional.of("b"));
        assertThat(queue.waiting()).isEqualTo(2);

        CompletableFuture<Optional<String>> refused = queue.submit(() -> true, () -> Optional.of("c"));
        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void oneLearnerCannotTakeTheWholeLine() throws Exception {
        ExplanationQueue line = new ExplanationQueue(new ExplainProperties(1, 10), new org.teachbox.BackgroundPriority(10));
        try {
            CountDownLatch started = new CountDownLatch(1);
            line.submit("leo", () -> true, () -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.of("running");
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            line.submit("leo", () -> true, () -> Optional.of("a"));
            line.submit("leo", () -> true, () -> Optional.of("b"));
            CompletableFuture<Optional<String>> third = line.submit("leo", () -> true, () -> Optional.of("c"));
            assertThat(third).as("Leo has two waiting already").isCompletedExceptionally();
            CompletableFuture<Optional<String>> mia = line.submit("mia", () -> true, () -> Optional.of("mia"));
            release.countDown();
            assertThat(mia.get(10, TimeUnit.SECONDS)).contains("mia");
            assertThat(line.submit("leo", () -> true, () -> Optional.of("later")).get(10, TimeUnit.SECONDS))
                    .as("once his wait is over").contains("later");
        } finally {
            line.destroy();
        }
    }

    @Test
    void aFailingHeatMapFailsItsOwnFutureAndTheThreadGoesOn() throws Exception {
        CompletableFuture<Optional<String>> broken = queue.submit(() -> true, () -> {
            throw new IllegalStateException("no model");
        });
        assertThatThrownBy(() -> broken.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(queue.submit(() -> true, () -> Optional.of("next")).get(10, TimeUnit.SECONDS)).contains("next");
    }
}
