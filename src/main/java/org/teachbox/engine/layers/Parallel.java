package org.teachbox.engine.layers;

import java.util.function.IntConsumer;

/**
 * Runs tasks 0..count-1, maybe on several threads, and returns when all are done. A layer that
 * splits its work this way computes every output wholly inside one task, in the same order
 * whoever runs it, so the result does not depend on the threads.
 */
@FunctionalInterface
public interface Parallel {
    void run(int count, IntConsumer task);

    /** One task after another, on the calling thread. */
    Parallel SERIAL = (count, task) -> {
        for (int i = 0; i < count; i++) {
            task.accept(i);
        }
    };
}
