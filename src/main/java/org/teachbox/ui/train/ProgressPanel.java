package org.teachbox.ui.train;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;

import org.teachbox.training.TrainingEvent;

/** The progress bar with "epoch i/N · step j/M · images/s · time left", or the queue position. */
class ProgressPanel extends Div {

    private final ProgressBar bar = new ProgressBar(0, 1);
    private final Span status = new Span();

    ProgressPanel() {
        addClassName("tb-progress");
        status.setId("train-status");
        add(bar, status);
        setVisible(false);
    }

    void show(TrainingEvent event) {
        setVisible(true);
        switch (event) {
            case TrainingEvent.Queued q -> {
                bar.setIndeterminate(true);
                status.setText(getTranslation(q.startsInSeconds() < 1 ? "train.queued.soon" : "train.queued", q.position(), q.startsInSeconds()));
            }
            case TrainingEvent.Preparing p -> {
                bar.setIndeterminate(p.total() == 0);
                bar.setValue(p.total() == 0 ? 0 : (double) p.done() / p.total());
                status.setText(getTranslation("train.embedding", p.done(), p.total()));
            }
            case TrainingEvent.Started s -> {
                bar.setIndeterminate(false);
                bar.setValue(0);
                status.setText(getTranslation("train.preparing"));
            }
            case TrainingEvent.Step s -> {
                bar.setIndeterminate(false);
                bar.setValue(((s.epoch() - 1) * (double) s.steps() + s.step()) / ((double) s.epochs() * s.steps()));
                String eta = s.etaSeconds() < 0 ? "" : " · " + getTranslation("train.eta", s.etaSeconds());
                status.setText(getTranslation("train.progress", s.epoch(), s.epochs(), s.step(), s.steps(),
                        Math.round(s.imagesPerSecond())) + eta);
            }
            default -> {
            }
        }
    }

    void done() {
        bar.setIndeterminate(false);
        bar.setValue(1);
        setVisible(false);
    }
}
