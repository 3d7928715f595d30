package org.teachbox.engine;

/**
 * Derives independent random seeds from the one training seed. Every random choice (initial
 * weights, shuffling, augmentation, dropout) gets its own stream, named by a few numbers such as
 * (epoch, step, sample), so the choice does not depend on which thread makes it or in which
 * order the threads run.
 */
final class Seeds {
    private Seeds() {}

    static long mix(long seed, long... path) {
        long h = seed;
        for (long p : path) {
            h = splitMix(h ^ splitMix(p + 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    /** The SplitMix64 finaliser: a cheap, well-mixing bijection on 64-bit numbers. */
    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
