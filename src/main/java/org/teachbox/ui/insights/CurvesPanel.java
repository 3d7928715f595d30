package org.teachbox.ui.insights;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

import org.teachbox.training.TrainingReport;
import org.teachbox.ui.components.TrainChart;

/**
 * Accuracy and loss per epoch, training against validation, each with a line on what to look
 * for. Used live on the Train page and again, finished, under the hood.
 */
public class CurvesPanel extends Div {

    private final TrainChart accuracy = new TrainChart();
    private final TrainChart loss = new TrainChart();

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
        add(panel("chart.accuracy", "chart.accuracy.hint", accuracy), panel("chart.loss", "chart.loss.hint", loss));
    }

    private Div panel(String title, String hint, TrainChart chart) {
        Paragraph explain = new Paragraph(getTranslation(hint));
        explain.addClassName("tb-hint");
        Div panel = new Div(new H3(getTranslation(title)), explain, chart);
        panel.addClassName("tb-panel");
        return panel;
    }

    public void clear() {
        accuracy.clear();
        loss.clear();
    }

    public void addEpoch(double trainAccuracy, double validationAccuracy, double trainLoss, double validationLoss) {
        accuracy.addPoint(trainAccuracy, validationAccuracy);
        loss.addPoint(trainLoss, validationLoss);
    }

    public void show(List<TrainingReport.EpochRow> history, int bestEpoch) {
        accuracy.setHistory(history.stream().map(r -> r.trainAccuracy()).toList(),
                history.stream().map(r -> r.validationAccuracy()).toList());
        loss.setHistory(history.stream().map(TrainingReport.EpochRow::trainLoss).toList(),
                history.stream().map(TrainingReport.EpochRow::validationLoss).toList());
        if (bestEpoch > 0) {
            accuracy.setBestEpoch(bestEpoch);
            loss.setBestEpoch(bestEpoch);
        }
    }
}
