package org.teachbox.upload;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may bring an uploaded file into memory now. Tomcat keeps an upload's parts in temporary
 * files; a part's bytes come into the heap only past this gate, and leave it when the picture is
 * stored or refused. Each learner may have {@code teachbox.upload.per-learner} files (8) in
 * memory at once: the Gather page never sends more than six, so more is a script, and the rest are
 * refused at once as "busy", without holding a server thread. All learners together may hold a
 * tenth of the heap; a file that finds no room within a few seconds is refused the same way. So a
 * flood of big photos from one learner costs the others nothing but a little disk.
 */
@Component
class UploadGate {

    private static final long KIB = 1024;

    private final int perLearner;
    private final int capacityKib;
    private final Semaphore kibibytes;
    private final Duration wait;
    private final Map<String, Semaphore> learners = new ConcurrentHashMap<>();

    @Autowired
    UploadGate(@Value("${teachbox.upload.per-learner:8}") int perLearner) {
        this(perLearner, Runtime.getRuntime().maxMemory() / 10, Duration.ofSeconds(5));
    }

    UploadGate(int perLearner, long bytes, Duration wait) {
        this.perLearner = Math.max(1, perLearner);
        this.capacityKib = (int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes / KIB));
        this.kibibytes = new Semaphore(capacityKib, true);
        this.wait = wait;
    }

    /** A pass for one file of this many bytes, or empty when the learner or the server is too busy. */
    Optional<Pass> enter(String owner, long bytes) {
        Semaphore mine = learners.computeIfAbsent(owner, o -> new Semaphore(perLearner));
        if (!mine.tryAcquire()) {
            return Optional.empty();
        }
        int kib = (int) Math.min(capacityKib, Math.max(1, bytes / KIB));
        try {
            if (!kibibytes.tryAcquire(kib, wait.toNanos(), TimeUnit.NANOSECONDS)) {
                leave(owner, mine);
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            leave(owner, mine);
            return Optional.empty();
        }
        return Optional.of(() -> {
            kibibytes.release(kib);
            leave(owner, mine);
        });
    }

    /** Gives the learner's slot back, and forgets a learner with nothing in memory. */
    private void leave(String owner, Semaphore mine) {
        mine.release();
        learners.computeIfPresent(owner, (o, s) -> s.availablePermits() >= perLearner ? null : s);
    }

    /** Held while one file's bytes are in memory. */
    interface Pass extends AutoCloseable {
        @Override
        void close();
    }
}
