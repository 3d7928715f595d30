package org.teachbox.ui.train;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;

import org.teachbox.training.TrainingEvent;
import org.teachbox.training.TrainingService;

/**
 * The progress bar with "epoch i/N · step j/M · images/s · time left", or the queue position,
 * and under it, live, what an epoch, a step and the batch size are, with the numbers of this run.
 */
class ProgressPanel extends Div {

    private final ProgressBar bar = new ProgressBar(0, 1);
    private final Span status = new Span();
    private final Span epochTerm = term("train-term-epoch");
    private final Span stepTerm = term("train-term-step");
    private final Span batchTerm = term("train-term-batch");
    private final Div terms = new Div(epochTerm, stepTerm, batchTerm);
    private int batchSize;

    ProgressPanel() {
        addClassName("tb-progress");
        status.setId("train-status");
        terms.addClassName("tb-terms");
        terms.setVisible(false);
        add(bar, status, terms);
        setVisible(false);
    }

    private static Span term(String id) {
        Span s = new Span();
        s.setId(id);
        return s;
    }

    /** The batch size of the run shown, for the line that explains it; 0 when not known. */
    void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    void show(TrainingEvent event) {
        setVisible(true);
        switch (event) {
            case TrainingEvent.Queued q -> {
                bar.setIndeterminate(true);
                String waiting = getTranslation(q.startsInSeconds() < 1 ? "train.queued.soon" : "train.queued", q.position(),
                        q.startsInSeconds());
                String between = "zh".equals(getLocale().getLanguage()) ? "" : " ";
                status.setText(q.passedBy() == 0 ? waiting
                        : waiting + between + getTranslation("train.queued.passed", q.passedBy(), TrainingService.MAX_PASSED));
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
                explain(s);
            }
            default -> {
            }
        }
    }

    private void explain(TrainingEvent.Step s) {
        terms.setVisible(true);
        epochTerm.setText(getTranslation("runs.term.epoch", s.epoch(), s.epochs()));
        stepTerm.setText(getTranslation("runs.term.step", s.step(), s.steps()));
        batchTerm.setVisible(batchSize > 0);
        batchTerm.setText(getTranslation("runs.term.batch", batchSize));
    }

    void done() {
        terms.setVisible(false);
        bar.setIndeterminate(false);
        bar.setValue(1);
        setVisible(false);
    }
}
