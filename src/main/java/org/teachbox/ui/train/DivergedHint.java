package org.teachbox.ui.train;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import org.teachbox.runs.CurveReading;
import org.teachbox.training.TrainingReport;
import org.teachbox.training.TrainingSettings;
import org.teachbox.ui.runs.RunsPanel;

/**
 * After a run whose loss became NaN, rose, jumped about, or that learned nothing: why (the learning rate is too big, each adjustment
 * overshoots) and one button that trains again with the same settings and a learning rate ten
 * times smaller, the usual first move in the lectures' learning-rate exercise.
 */
class DivergedHint extends Div {

    private final Paragraph why = new Paragraph();
    private final Button retry = new Button();
    private TrainingSettings smaller;

    DivergedHint(Consumer<TrainingSettings> trainAgain) {
        setId("diverged-hint");
        addClassName("tb-warning");
        retry.setId("retry-smaller-lr");
        retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        retry.addClickListener(e -> {
            if (smaller != null) {
                trainAgain.accept(smaller);
            }
        });
        add(why, retry);
        setVisible(false);
    }

    /** Shows the hint if {@code report} asks for a smaller learning rate, hides it otherwise. */
    void show(TrainingReport report) {
        TrainingSettings s = report.settings();
        double tenth = java.math.BigDecimal.valueOf(s.learningRate()).divide(java.math.BigDecimal.TEN).doubleValue();
        boolean show = CurveReading.suggestsSmallerLearningRate(report) && tenth > 0;
        setVisible(show);
        if (!show) {
            smaller = null;
            return;
        }
        smaller = s.withLearningRate(tenth);
        String rate = RunsPanel.rate(s.learningRate());
        String key = switch (CurveReading.stepSign(report)) {
            case NAN -> "runs.diverged.nan";
            case RISING -> "runs.diverged.rising";
            case NOTHING_LEARNED -> "runs.diverged.nothing-learned";
            case JUMPING -> "runs.diverged.jumping";
            case SPIKE, NONE -> "runs.diverged.spike";
        };
        int chance = (int) Math.round(100.0 / Math.max(1, report.classNames().size()));
        String peak = String.format(getLocale(), "%,.0f", CurveReading.peakLoss(report.history()));
        String guessing = String.format(getLocale(), "%.1f", CurveReading.guessingLoss(report));
        // Chinese sentences follow each other without a space
        String between = "zh".equals(getLocale().getLanguage()) ? "" : " ";
        why.setText(getTranslation(key, rate, chance, peak, guessing) + between + getTranslation("runs.diverged.advice"));
        retry.setText(getTranslation("runs.diverged.retry", rate, RunsPanel.rate(tenth)));
    }

    void hide() {
        setVisible(false);
    }
}
