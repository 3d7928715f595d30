package org.teachbox.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart of one training metric per epoch, training against validation, with the best
 * validation epoch marked. Learners read over- and under-fitting from it, so it updates live
 * while a model trains.
 *
 * <p>Server half of {@code frontend/components/train-chart.ts}. The series live here and are
 * sent whole as element properties on every change: a run has at most a few hundred epochs, and
 * properties (unlike one-off JavaScript calls) are replayed if the chart is detached and attached
 * again. Call from the UI thread, for example inside {@code ui.access(...)} for live updates.
 */
@Tag("train-chart")
@NpmPackage(value = "chart.js", version = "4.5.1")
@JsModule("./components/train-chart.ts")
public class TrainChart extends Component implements HasSize {

    private record Texts(String title, String train, String validation, String x, String best) {
    }

    /** One kept run in an overlay: its legend label and its two curves (fractions for accuracy). */
    public record Series(String label, List<Double> train, List<Double> validation) {
    }

    private final List<Double> train = new ArrayList<>();
    private final List<Double> validation = new ArrayList<>();

    public TrainChart() {
        setWidthFull();
        // the same numbers as a table under the chart, for a screen reader or a learner who prefers them
        getElement().setProperty("tableText", getTranslation("chart.table"));
    }

    /** All words on the chart, already translated. {@code bestLabel} names the best-epoch mark. */
    public void setTexts(String title, String trainLabel, String validationLabel, String xLabel, String bestLabel) {
        getElement().setPropertyBean("texts", new Texts(title, trainLabel, validationLabel, xLabel, bestLabel));
    }

    /** The axis title shown when a loss spans so much that the chart switches to a logarithmic axis. */
    public void setLogScaleText(String text) {
        getElement().setProperty("logScaleText", text);
    }

    /** Shows values as 0–100 % on a fixed axis; use it for accuracy, not for loss. Values stay fractions (0–1). */
    public void setPercent(boolean percent) {
        getElement().setProperty("percent", percent);
    }

    /** Replaces both series; index i is epoch i+1. A missing or non-finite value leaves a gap. */
    public void setHistory(List<Double> trainValues, List<Double> validationValues) {
        train.clear();
        train.addAll(trainValues);
        validation.clear();
        validation.addAll(validationValues);
        sendSeries();
    }

    /** Appends one epoch; meant for live updates during training. */
    public void addPoint(double trainValue, double validationValue) {
        train.add(trainValue);
        validation.add(validationValue);
        sendSeries();
    }

    /** Marks the epoch (counted from 1) with the best validation result; 0 removes the mark. */
    public void setBestEpoch(int epoch1Based) {
        getElement().setProperty("bestEpoch", Math.max(0, epoch1Based));
    }

    /**
     * Overlays several runs instead of one run's training and validation; an empty list goes back
     * to showing the one run set by {@link #setHistory}.
     */
    public void setRuns(List<Series> runs) {
        getElement().setPropertyList("runs", runs.stream()
                .map(r -> new Series(r.label(), jsonSafe(r.train()), jsonSafe(r.validation()))).toList());
    }

    /** Shades the epochs from {@code epoch1Based} on, where the curves part, with a tag; 0 removes it. */
    public void setGap(int epoch1Based, String label) {
        getElement().setProperty("gapEpoch", Math.max(0, epoch1Based));
        getElement().setProperty("gapLabel", label == null ? "" : label);
    }

    /** Empties the chart, for example when a new training run starts. */
    public void clear() {
        train.clear();
        validation.clear();
        sendSeries();
        setBestEpoch(0);
        setGap(0, "");
        setRuns(List.of());
    }

    private void sendSeries() {
        getElement().setPropertyList("train", jsonSafe(train));
        getElement().setPropertyList("validation", jsonSafe(validation));
    }

    // A diverging run produces NaN or infinity, which JSON cannot carry; null draws a gap instead.
    private static List<Double> jsonSafe(List<Double> values) {
        List<Double> safe = new ArrayList<>(values.size());
        for (Double v : values) {
            safe.add(v == null || !Double.isFinite(v) ? null : v);
        }
        return safe;
    }
}
