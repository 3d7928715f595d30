package org.teachbox.share;

import org.springframework.stereotype.Component;
import org.teachbox.ratelimit.KeyedRateLimit;

/**
 * Requests per share code: a class of thirty sharing one code gets the burst together, and a
 * runaway loop in a Scratch project cannot keep the server's cores busy with one code. A
 * request that finds the code's bucket empty is refused (429).
 */
@Component
class RateLimiter {

    private final KeyedRateLimit limit;
    private final double perSecond;

    RateLimiter(ApiProperties settings) {
        this.limit = new KeyedRateLimit(settings.perSecond(), settings.burst());
        this.perSecond = settings.perSecond();
    }

    /** Takes a token for code; false when there is none left. */
    boolean tryTake(String code) {
        return limit.tryAcquire(code);
    }

    /** Seconds until the next token, for Retry-After. */
    long secondsToWait() {
        return Math.max(1, (long) Math.ceil(1 / perSecond));
    }
}
