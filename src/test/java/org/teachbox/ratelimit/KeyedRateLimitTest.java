package org.teachbox.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A learner gets a burst, then a steady rate; one learner's flood never slows another down. */
class KeyedRateLimitTest {

    private final AtomicLong now = new AtomicLong();
    private final KeyedRateLimit limit = new KeyedRateLimit(10, 5, now::get);

    @Test
    void shouldAllowABurstThenRefuseUntilTokensComeBack() {
        for (int i = 0; i < 5; i++) {
            assertThat(limit.tryAcquire("ann")).as("frame %d", i).isTrue();
        }
        assertThat(limit.tryAcquire("ann")).isFalse();

        now.addAndGet(100_000_000); // 0.1 s at 10 a second: one more token
        assertThat(limit.tryAcquire("ann")).isTrue();
        assertThat(limit.tryAcquire("ann")).isFalse();
    }

    @Test
    void shouldKeepLearnersApart() {
        while (limit.tryAcquire("flooder")) {
            // empty the flooder's bucket
        }
        assertThat(limit.tryAcquire("ben")).isTrue();
    }

    @Test
    void shouldNeverHoldMoreThanTheBurstAfterALongQuiet() {
        now.addAndGet(3_600_000_000_000L);
        int allowed = 0;
        while (limit.tryAcquire("ann")) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(5);
    }

    @Test
    void shouldForgetQuietLearnersOnceThereAreVeryMany() {
        for (int i = 0; i <= 10_001; i++) {
            limit.tryAcquire("cookie-" + i);
        }
        now.addAndGet(1_000_000_000L);
        limit.tryAcquire("one-more");

        assertThat(limit.trackedKeys()).isLessThan(10);
    }
}
