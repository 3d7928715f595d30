package org.teachbox.ui.bias;

import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.teachbox.training.TrainingEvent;

/** One line saying where a lab run is: queued, at which epoch, finished or why it failed. */
final class LabStatusText {

    private LabStatusText() {
    }

    static Optional<String> of(Component page, TrainingEvent event) {
        String run = page.getTranslation("bias.purpose." + event.purpose().name().toLowerCase());
        String where = switch (event) {
            case TrainingEvent.Queued q -> page.getTranslation(q.startsInSeconds() < 1 ? "train.queued.soon" : "train.queued",
                    q.position(), q.startsInSeconds());
            case TrainingEvent.Step s -> page.getTranslation("train.progress", s.epoch(), s.epochs(), s.step(), s.steps(),
                    Math.round(s.imagesPerSecond()));
            case TrainingEvent.Finished f -> page.getTranslation("bias.run.done");
            case TrainingEvent.Failed f -> page.getTranslation(f.messageKey(), f.args().toArray());
            default -> null;
        };
        return Optional.ofNullable(where).map(w -> page.getTranslation("bias.status", run, w));
    }
}
