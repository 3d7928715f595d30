package org.teachbox.ratelimit;

/** How fast one learner may add webcam frames and drawings, across all their tabs and classes. */
public final class CaptureRateLimit {

    private final KeyedRateLimit limit;

    public CaptureRateLimit(KeyedRateLimit limit) {
        this.limit = limit;
    }

    public boolean allow(String owner) {
        return limit.tryAcquire(owner);
    }
}
