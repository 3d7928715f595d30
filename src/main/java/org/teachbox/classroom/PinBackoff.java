package org.teachbox.classroom;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows down guessing one learner's PIN, and only that learner's. Every round of
 * {@value #ROUND} wrong PINs for a name closes that name for a while, twice as long each round:
 * 20 s, 40 s, 80 s ... up to an hour. So the real learner who mistypes waits seconds, while a
 * guesser gets about 40 tries in an hour and a half of a 10,000-PIN space. The right PIN clears
 * the count; so does the teacher's reset. Wrong PINs for one name cost the other names nothing.
 *
 * <p>Thread-safe. Entries exist only for names that failed since their last success.
 */
final class PinBackoff {

    static final int ROUND = 5;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(20);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final LongSupplier nanoClock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    PinBackoff() {
        this(System::nanoTime);
    }

    PinBackoff(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Seconds until this name may be tried again; 0 when it may be tried now. */
    long secondsToWait(String key) {
        Failures f = failures.get(key);
        return f == null ? 0 : f.secondsToWait(nanoClock.getAsLong());
    }

    void failed(String key) {
        failures.computeIfAbsent(key, k -> new Failures()).add(nanoClock.getAsLong());
    }

    void succeeded(String key) {
        failures.remove(key);
    }

    /** Wrong PINs since the name last signed in, for the teacher's dashboard. */
    int failedTries(String key) {
        Failures f = failures.get(key);
        return f == null ? 0 : f.count();
    }

    private static final class Failures {
        private int count;
        private long closedUntil;

        synchronized void add(long now) {
            count++;
            if (count % ROUND == 0) {
                int round = count / ROUND;
                long wait = FIRST_WAIT.toNanos() << Math.min(round - 1, 20);
                closedUntil = now + Math.min(wait, LONGEST_WAIT.toNanos());
            }
        }

        synchronized long secondsToWait(long now) {
            return closedUntil - now <= 0 ? 0 : (closedUntil - now + 999_999_999L) / 1_000_000_000L;
        }

        synchronized int count() {
            return count;
        }
    }
}
