package org.teachbox.project;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The whole server's picture budget ({@code teachbox.limits.max-pictures-total}, 200,000: about
 * 4 GB of stored 256-pixel photos with their embeddings). The per-learner limits do not bound the
 * server, since a fresh anonymous cookie costs nothing; this does. Counting every picture on every
 * upload would cost a table scan on PostgreSQL, so the count is read at most every few seconds and
 * this instance's own additions are added to it in between.
 */
@Component
class StorageQuota {

    private static final long REFRESH_NANOS = 5_000_000_000L;

    private final ProjectRepository repo;
    private final int max;
    private long counted = -1;
    private long addedSince;
    private long countedAt;

    StorageQuota(ProjectRepository repo, @Value("${teachbox.limits.max-pictures-total:200000}") int max) {
        this.repo = repo;
        this.max = max;
    }

    /** Refuses when the server already holds its most pictures. */
    synchronized void ensureRoom() {
        long now = System.nanoTime();
        if (counted < 0 || now - countedAt > REFRESH_NANOS) {
            counted = repo.countAllSamples();
            addedSince = 0;
            countedAt = now;
        }
        if (counted + addedSince >= max) {
            throw new ProjectRuleException("rule.server.full", max);
        }
    }

    synchronized void added() {
        addedSince++;
    }
}
