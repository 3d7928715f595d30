/*
 * How many pictures decode at once, and how much memory they may hold together. Every
 * decode, of any size, takes one of a few slots and its estimated bytes from a shared
 * budget, so thirty learners dropping photos at the same moment queue up instead of
 * taking the server out of memory. A picture that alone would need more than the whole
 * budget is refused.
 */
package org.teachbox.imaging;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

final class DecodeBudget {

    private static final long KIB = 1024;

    private final Semaphore slots;
    private final Semaphore kibibytes;
    private final long capacityBytes;
    private final Duration maxWait;

    DecodeBudget(int slots, long capacityBytes, Duration maxWait) {
        if (slots <= 0 || capacityBytes < KIB) {
            throw new IllegalArgumentException("decode budget must be positive: " + slots + ", " + capacityBytes);
        }
        this.slots = new Semaphore(slots, true);
        this.capacityBytes = Math.min(capacityBytes, Integer.MAX_VALUE * KIB);
        this.kibibytes = new Semaphore((int) (this.capacityBytes / KIB), true);
        this.maxWait = maxWait;
    }

    /** As many slots as cores, and a quarter of the heap (at least 64 MB, at most 1 GB). */
    static DecodeBudget forThisMachine() {
        long quarter = Runtime.getRuntime().maxMemory() / 4;
        long capacity = Math.clamp(quarter, 64L * KIB * KIB, 1024L * KIB * KIB);
        return new DecodeBudget(Math.max(2, Runtime.getRuntime().availableProcessors()), capacity, Duration.ofSeconds(15));
    }

    long capacityBytes() {
        return capacityBytes;
    }

    /** Memory promised to decodes running now. */
    long bytesInUse() {
        return capacityBytes - (long) kibibytes.availablePermits() * KIB;
    }

    boolean fits(long bytes) {
        return bytes <= capacityBytes;
    }

    /** Waits for a slot and the memory; empty when the server stays too busy for too long. */
    java.util.Optional<Lease> acquire(long bytes) {
        int kib = (int) Math.max(1, Math.min(capacityBytes, bytes) / KIB);
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            if (!slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                return java.util.Optional.empty();
            }
            if (!kibibytes.tryAcquire(kib, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                slots.release();
                return java.util.Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(() -> {
            kibibytes.release(kib);
            slots.release();
        });
    }

    /** Held while one picture decodes. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
