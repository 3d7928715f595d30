package org.teachbox.ui.runs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.Component;

import org.teachbox.runs.Run;
import org.teachbox.training.TrainingSettings;

/**
 * The words a run is shown with: its title ("Run 3", or the learner's name), its settings
 * ("lr 0.001 · 50 epochs · batch 16 · Adam"), and, for an overlay, only the settings in which
 * the compared runs differ, so the legend reads "lr 0.1" against "lr 0.001".
 */
final class RunLabels {

    private RunLabels() {
    }

    static String title(Component on, Run run) {
        return run.hasName() ? run.name() : on.getTranslation("runs.title", run.number());
    }

    /** A learning rate as a learner typed it: 0.0001, not 1.0E-4. */
    static String rate(double learningRate) {
        return BigDecimal.valueOf(learningRate).stripTrailingZeros().toPlainString();
    }

    /** The settings a learner chose; the data version is left to the legend, where it can differ. */
    static String settings(Component on, Run run) {
        List<String> parts = parts(on, run);
        return String.join(" · ", parts.subList(0, parts.size() - 1));
    }

    /** One legend label per run, in the same order. */
    static List<String> legend(Component on, List<Run> runs) {
        List<List<String>> parts = runs.stream().map(r -> parts(on, r)).toList();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            List<String> differing = new ArrayList<>();
            for (int p = 0; p < parts.get(i).size(); p++) {
                int part = p;
                if (parts.stream().map(list -> list.get(part)).distinct().count() > 1) {
                    differing.add(parts.get(i).get(p));
                }
            }
            Run run = runs.get(i);
            String diff = String.join(" · ", differing);
            if (run.hasName()) {
                labels.add(diff.isEmpty() ? run.name() : on.getTranslation("runs.legend.named", run.name(), diff));
            } else {
                labels.add(diff.isEmpty() ? title(on, run) : diff);
            }
        }
        return labels;
    }

    /** Always the same parts in the same order, so runs can be compared part by part. */
    private static List<String> parts(Component on, Run run) {
        TrainingSettings s = run.settings();
        return List.of(
                on.getTranslation("runs.part.lr", rate(s.learningRate())),
                on.getTranslation("runs.part.epochs", s.epochs()),
                on.getTranslation("runs.part.batch", s.batchSize()),
                on.getTranslation("train.optimizer." + s.optimizer().name().toLowerCase()),
                on.getTranslation(run.augmented() ? "runs.part.augmented" : "runs.part.not-augmented"),
                on.getTranslation(s.stopsEarly() ? "runs.part.early-stop" : "runs.part.all-epochs"),
                on.getTranslation("runs.part.data", run.dataVersion()));
    }
}
