/*
 * A token bucket per key (a learner, a share code): each key may do `burst` things at once
 * and then `perSecond` more every second. Buckets of keys that have been quiet long enough
 * to be full again are dropped, so thousands of cookies cannot grow the map without bound.
 */
package org.teachbox.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

public final class KeyedRateLimit {

    private static final int SWEEP_ABOVE = 10_000;

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public KeyedRateLimit(double perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    KeyedRateLimit(double perSecond, int burst, LongSupplier nanoClock) {
        if (perSecond <= 0 || burst <= 0) {
            throw new IllegalArgumentException("rate limit must be positive: " + perSecond + "/s, burst " + burst);
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /** Takes one token for this key; false means "too fast, refuse this one". */
    public boolean tryAcquire(String key) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.fullAt(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, now)).take(now);
    }

    int trackedKeys() {
        return buckets.size();
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized boolean take(long now) {
            tokens = Math.min(burst, tokens + (now - updated) * perNano);
            updated = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized boolean fullAt(long now) {
            return tokens + (now - updated) * perNano >= burst;
        }
    }
}
