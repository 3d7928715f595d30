package org.teachbox.pretrained;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.UUID;

import org.teachbox.project.SampleAdded;

/**
 * The photos waiting to be read ahead of training, in the order the {@link EmbeddingWarmer}
 * takes them: photos of projects whose learner pressed Train first (in the order they pressed
 * it), then everyone's in the order they arrived. A learner who pressed Train so waits for their
 * own photos, not for the whole class's upload. Bounded: beyond {@code capacity} a photo is
 * refused and left for its training job. Not thread-safe; the warmer guards it.
 */
final class WarmingLine {
    private final int capacity;
    private final ArrayDeque<SampleAdded> waiting = new ArrayDeque<>();
    private final SequencedSet<UUID> wanted = new LinkedHashSet<>();

    WarmingLine(int capacity) {
        this.capacity = capacity;
    }

    /** False if the line is full. */
    boolean add(SampleAdded picture) {
        if (waiting.size() >= capacity) {
            return false;
        }
        return waiting.add(picture);
    }

    /** This project's photos go ahead of everyone else's, after those of projects wanted earlier. */
    void want(UUID projectId) {
        wanted.add(projectId);
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    int size() {
        return waiting.size();
    }

    /**
     * Up to {@code max} photos: those of the first wanted project that has any, and if they do
     * not fill the batch, the oldest of everyone's (a full batch reads faster than a short one).
     */
    List<SampleAdded> next(int max) {
        List<SampleAdded> batch = new ArrayList<>(max);
        while (!wanted.isEmpty() && batch.isEmpty()) {
            UUID first = wanted.getFirst();
            for (Iterator<SampleAdded> it = waiting.iterator(); it.hasNext() && batch.size() < max; ) {
                SampleAdded p = it.next();
                if (p.projectId().equals(first)) {
                    batch.add(p);
                    it.remove();
                }
            }
            if (batch.size() < max) {
                wanted.removeFirst(); // none of its photos is left waiting
            }
        }
        while (batch.size() < max && !waiting.isEmpty()) {
            batch.add(waiting.poll());
        }
        return batch;
    }
}
