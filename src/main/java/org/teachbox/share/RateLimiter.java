package org.teachbox.share;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A token bucket per share code: each request takes a token, tokens come back at a steady rate
 * up to a burst, and a request that finds the bucket empty is refused (429). A class of thirty
 * sharing one code gets the burst together; a runaway loop in a Scratch project cannot keep the
 * server's two cores busy with one code. (No maintained rate-limit library is in this build's
 * package mirror, and this is twenty lines.)
 */
@Component
class RateLimiter {

    private final double burst;
    private final double perSecond;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    RateLimiter(@Value("${teachbox.api.burst:30}") int burst, @Value("${teachbox.api.per-second:10}") double perSecond) {
        this(burst, perSecond, System::nanoTime);
    }

    RateLimiter(int burst, double perSecond, LongSupplier nanos) {
        this.burst = burst;
        this.perSecond = perSecond;
        this.nanos = nanos;
    }

    /** Takes a token for code; false when there is none left. */
    boolean tryTake(String code) {
        if (buckets.size() > 10_000) {
            buckets.clear(); // codes are few; a flood of made-up ones must not grow this map forever
        }
        return buckets.computeIfAbsent(code, c -> new Bucket(burst, nanos.getAsLong())).take(burst, perSecond, nanos.getAsLong());
    }

    /** Seconds until the next token, for Retry-After. */
    long secondsToWait() {
        return Math.max(1, (long) Math.ceil(1 / perSecond));
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized boolean take(double burst, double perSecond, long now) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
