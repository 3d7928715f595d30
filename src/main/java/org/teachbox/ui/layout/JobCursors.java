package org.teachbox.ui.layout;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.teachbox.training.TrainingEvent;

/**
 * Where each job stands on one page, so an event that was replayed and also arrives through
 * the subscription is shown once, and one that arrives after a newer one is not shown at all.
 * A job only moves forward: queued → preparing → started → steps and epochs → finished.
 * Used only inside the page's UI lock, so it needs no locking of its own.
 */
final class JobCursors {

    private final Map<UUID, Cursor> jobs = new HashMap<>();

    boolean isNew(TrainingEvent event) {
        return jobs.computeIfAbsent(event.jobId(), id -> new Cursor()).advance(event);
    }

    private static final class Cursor {
        private TrainingEvent last;
        private int epochsShown;
        private long position = -1;

        boolean advance(TrainingEvent event) {
            if (event == last) {
                return false;
            }
            long at = position(event);
            if (event instanceof TrainingEvent.Epoch e) {
                if (e.result().epoch() <= epochsShown) {
                    return false;
                }
                epochsShown = e.result().epoch();
            } else if (at < position) {
                return false;
            }
            last = event;
            position = Math.max(position, at);
            return true;
        }

        /** A number that grows as the job goes on; equal for two queue positions. */
        private static long position(TrainingEvent event) {
            return switch (event) {
                case TrainingEvent.Queued q -> 0;
                case TrainingEvent.Preparing p -> 1_000_000L + p.done();
                case TrainingEvent.Started s -> 2_000_000_000L;
                case TrainingEvent.Step s -> 3_000_000_000L + s.epoch() * 1_000_000L + s.step();
                case TrainingEvent.Epoch e -> 3_000_000_000L + e.result().epoch() * 1_000_000L + 999_999L;
                case TrainingEvent.Finished f -> Long.MAX_VALUE;
                case TrainingEvent.Failed f -> Long.MAX_VALUE;
            };
        }
    }
}
