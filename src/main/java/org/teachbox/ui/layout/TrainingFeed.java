package org.teachbox.ui.layout;

import java.util.UUID;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

import org.teachbox.training.TrainingEvent;
import org.teachbox.training.TrainingService;

/**
 * Lets a page follow a project's training jobs while it is on screen: subscribes on attach,
 * unsubscribes on detach, and hands each event over inside {@code ui.access}, the only safe
 * way for the trainer's thread to touch the page.
 */
public final class TrainingFeed {

    private TrainingFeed() {
    }

    public static void follow(Component page, TrainingService training, UUID projectId, Consumer<TrainingEvent> handler) {
        page.addAttachListener(attach -> {
            UI ui = attach.getUI();
            Runnable unsubscribe = training.subscribe(projectId, event -> ui.access(() -> handler.accept(event)));
            page.addDetachListener(detach -> {
                unsubscribe.run();
                detach.unregisterListener();
            });
        });
    }
}
