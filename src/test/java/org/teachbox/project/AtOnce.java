package org.teachbox.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Many adds let go at the same moment, as several tabs, parallel stores or two servers make them. */
public final class AtOnce {

    private AtOnce() {
    }

    /**
     * Runs {@code tries} copies of {@code add} at once and checks that each either went through
     * or was refused with the rule {@code full}.
     *
     * @return how many went through
     */
    public static int run(int tries, Runnable add, String full) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tries);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try (var pool = Executors.newFixedThreadPool(tries)) {
            for (int i = 0; i < tries; i++) {
                pool.submit(() -> {
                    start.await();
                    try {
                        add.run();
                        done.incrementAndGet();
                    } catch (ProjectRuleException e) {
                        if (full.equals(e.getMessage())) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        assertThat(done.get() + refused.get()).as("every try stored or refused as " + full).isEqualTo(tries);
        return done.get();
    }
}
