package org.teachbox.upload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Collects what arrives on many request threads and hands it over in batches: the first item
 * starts a short wait, and everything that arrived by its end goes out in one call. A page that
 * shows 300 uploads then redraws a few times, not 300 times.
 */
public final class Batches<T> {
    private final Duration wait;
    private final Consumer<List<T>> deliver;
    private final Queue<T> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public Batches(Duration wait, Consumer<List<T>> deliver) {
        this.wait = wait;
        this.deliver = deliver;
    }

    public void add(T item) {
        waiting.add(item);
        if (scheduled.compareAndSet(false, true)) {
            CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS).execute(this::flush);
        }
    }

    /** Everything waiting now, taken out of the next batch. */
    public List<T> drain() {
        List<T> batch = new ArrayList<>();
        for (T item; (item = waiting.poll()) != null; ) {
            batch.add(item);
        }
        return batch;
    }

    private void flush() {
        scheduled.set(false);
        List<T> batch = drain();
        if (!batch.isEmpty()) {
            deliver.accept(batch);
        }
    }
}
