package org.teachbox.ui.layout;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;

import org.teachbox.training.Purpose;
import org.teachbox.training.TrainingEvent;
import org.teachbox.training.TrainingJob;
import org.teachbox.training.TrainingService;

/**
 * Lets a page follow a project's training jobs while it is on screen, in one step: it first
 * subscribes, then replays what the running jobs did so far, and a {@link JobCursors} drops
 * whatever reaches the page twice (an epoch both replayed and still queued) or late. Events are
 * handed over inside {@code ui.access}, the only safe way for the trainer's thread to touch the
 * page; once the registration is removed, not even an event already queued reaches the page.
 */
public final class TrainingFeed {

    private TrainingFeed() {
    }

    /** Call from the UI thread (onAttach, beforeEnter); remove the registration in onDetach. */
    public static Registration follow(UI ui, TrainingService training, UUID projectId, Set<Purpose> purposes,
                                      Consumer<TrainingEvent> handler) {
        JobCursors cursors = new JobCursors();
        AtomicBoolean open = new AtomicBoolean(true);
        Consumer<TrainingEvent> onPage = event -> {
            if (open.get() && cursors.isNew(event)) {
                handler.accept(event);
            }
        };
        // Subscribing before reading the jobs' history means nothing falls in between; what is
        // in both is dropped by the cursors.
        Runnable unsubscribe = training.subscribe(projectId, event -> {
            if (!open.get() || !purposes.contains(event.purpose())) {
                return;
            }
            try {
                ui.access(() -> onPage.accept(event));
            } catch (UIDetachedException closed) {
                open.set(false);
            }
        });
        for (Purpose purpose : purposes) {
            training.active(projectId, purpose).ifPresent(job -> replay(job, onPage));
        }
        return () -> {
            open.set(false);
            unsubscribe.run();
        };
    }

    private static void replay(TrainingJob job, Consumer<TrainingEvent> onPage) {
        // Epochs first, then the newest event: it is at least as new as the epochs read before it.
        job.epochs().forEach(r -> onPage.accept(new TrainingEvent.Epoch(job.id(), job.purpose(), r)));
        TrainingEvent last = job.lastEvent();
        if (last != null) {
            onPage.accept(last);
        }
    }
}
