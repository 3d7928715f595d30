package org.teachbox.ui.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

import org.teachbox.training.TrainingSettings;
import org.teachbox.runs.CurveReading;
import org.teachbox.training.TrainingReport.EpochRow;
import org.teachbox.ui.components.TrainChart;

/**
 * Accuracy and loss per epoch, training against validation, each with a line on what to look
 * for, and one sentence on whether (and from which epoch) the two curves part. Used live on the
 * Train page and again, finished, under the hood. It can also overlay several kept runs.
 */
public class CurvesPanel extends Div {

    /** A run to overlay: its legend label and its curves. */
    public record Labelled(String label, List<EpochRow> history) {
    }

    private final TrainChart accuracy = new TrainChart();
    private final TrainChart loss = new TrainChart();
    private final Paragraph note = new Paragraph();
    private final List<EpochRow> live = new ArrayList<>();

    public CurvesPanel() {
        addClassName("tb-curves");
        accuracy.setId("accuracy-chart");
        loss.setId("loss-chart");
        accuracy.setPercent(true);
        String train = getTranslation("chart.train");
        String validation = getTranslation("chart.validation");
        String epoch = getTranslation("chart.epoch");
        String best = getTranslation("chart.best");
        accuracy.setTexts(getTranslation("chart.accuracy"), train, validation, epoch, best);
        loss.setTexts(getTranslation("chart.loss"), train, validation, epoch, best);
        loss.setLogScaleText(getTranslation("chart.loss.log-scale"));
        note.setId("curves-note");
        note.addClassName("tb-curves-note");
        add(panel("chart.accuracy", "chart.accuracy.hint", accuracy), panel("chart.loss", "chart.loss.hint", loss), note);
    }

    private Div panel(String title, String hint, TrainChart chart) {
        Paragraph explain = new Paragraph(getTranslation(hint));
        explain.addClassName("tb-hint");
        Div panel = new Div(new H3(getTranslation(title)), explain, chart);
        panel.addClassName("tb-panel");
        return panel;
    }

    public void clear() {
        live.clear();
        accuracy.clear();
        loss.clear();
        note.setText("");
    }

    public void addEpoch(double trainAccuracy, double validationAccuracy, double trainLoss, double validationLoss) {
        accuracy.addPoint(trainAccuracy, validationAccuracy);
        loss.addPoint(trainLoss, validationLoss);
        live.add(new EpochRow(live.size() + 1, trainLoss, trainAccuracy, validationLoss, validationAccuracy));
        read(live, CurveReading.of(live).bestEpoch());
    }

    /** A finished run's curves, and the sentence that it stopped early when it did. */
    public void show(org.teachbox.training.TrainingReport report) {
        show(report.history(), report.bestEpoch());
        TrainingSettings s = report.settings();
        if (s != null && s.stopsEarly() && report.status() == org.teachbox.training.TrainingReport.Status.COMPLETED
                && report.history().size() < s.epochs()) {
            String between = "zh".equals(getLocale().getLanguage()) ? "" : " ";
            note.setText(getTranslation("runs.stopped-early", report.history().size(), s.epochs(), TrainingSettings.PATIENCE)
                    + between + note.getText());
        }
    }

    public void show(List<EpochRow> history, int bestEpoch) {
        accuracy.setRuns(List.of());
        loss.setRuns(List.of());
        accuracy.setHistory(history.stream().map(EpochRow::trainAccuracy).toList(),
                history.stream().map(EpochRow::validationAccuracy).toList());
        loss.setHistory(history.stream().map(EpochRow::trainLoss).toList(),
                history.stream().map(EpochRow::validationLoss).toList());
        accuracy.setBestEpoch(bestEpoch);
        loss.setBestEpoch(bestEpoch);
        read(history, bestEpoch);
    }

    /** Overlays two to four runs; each colour is one run, training solid and validation dashed. */
    public void compare(List<Labelled> runs) {
        accuracy.setRuns(series(runs, EpochRow::trainAccuracy, EpochRow::validationAccuracy));
        loss.setRuns(series(runs, EpochRow::trainLoss, EpochRow::validationLoss));
        accuracy.setGap(0, "");
        loss.setGap(0, "");
        note.setText(getTranslation("runs.compare.note"));
    }

    private static List<TrainChart.Series> series(List<Labelled> runs, ToDoubleFunction<EpochRow> train,
                                                  ToDoubleFunction<EpochRow> validation) {
        return runs.stream().map(r -> new TrainChart.Series(r.label(),
                r.history().stream().map(train::applyAsDouble).toList(),
                r.history().stream().map(validation::applyAsDouble).toList())).toList();
    }

    /**
     * Marks where the curves part and says so, naming the epoch whose model is kept: the same
     * number as the chart's tag, the run's row and Under the hood (during a run, the best so far).
     */
    private void read(List<EpochRow> history, int kept) {
        CurveReading reading = CurveReading.of(history);
        String tag = reading.gapEpoch() > 0 ? getTranslation("runs.gap.tag", reading.gapEpoch()) : "";
        accuracy.setGap(reading.gapEpoch(), tag);
        loss.setGap(reading.gapEpoch(), tag);
        if (kept == 0) {
            note.setText("");
            return;
        }
        note.setText(switch (reading.gap()) {
            case LOSS -> getTranslation("runs.gap.loss", reading.gapEpoch(), kept);
            case ACCURACY -> getTranslation("runs.gap.accuracy", reading.gapEpoch(), kept);
            case NONE -> getTranslation("runs.gap.none", kept);
        });
    }

    /** The sentence under the charts, for tests and for pages that quote it. */
    public String noteText() {
        return note.getText();
    }
}
