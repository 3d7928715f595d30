package org.teachbox.ui.bias;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;

import org.teachbox.bias.BiasLabService;
import org.teachbox.bias.LabResult;
import org.teachbox.bias.RunSummary;
import org.teachbox.ui.components.ConfusionMatrix;
import org.teachbox.ui.components.TrainChart;

/** One run of the lab (fair, skewed or fixed): its accuracy, per-class table, matrix, share and curve. */
class RunColumn extends Div {

    RunColumn(String title, String id, LabResult result) {
        addClassName("tb-panel");
        addClassName("tb-run");
        setId(id);
        RunSummary run = result.summary();
        add(new H3(title), new Paragraph(getTranslation("bias.run.accuracy", Math.round(100 * run.accuracy()))));

        if (result.test() != null && result.test().count() > 0) {
            Paragraph test = new Paragraph(getTranslation("lab.run.test", Math.round(100 * result.test().accuracy()),
                    result.test().count()));
            test.addClassName("tb-run-test");
            add(test);
        }
        add(new H4(getTranslation("insights.per-class")), perClassTable(run));
        add(new H4(getTranslation("bias.share")), new ShareBars(run));
        add(new H4(getTranslation("insights.confusion")), matrix(run));

        // Lab runs keep their last epoch, so the charts carry no "best epoch" mark.
        add(chart("chart.accuracy", true, result.report().history().stream().map(r -> r.trainAccuracy()).toList(),
                result.report().history().stream().map(r -> r.validationAccuracy()).toList()));
        add(chart("chart.loss", false, result.report().history().stream().map(r -> r.trainLoss()).toList(),
                result.report().history().stream().map(r -> r.validationLoss()).toList()));
    }

    /** Accuracy of each class, one small row each. */
    static Div perClassTable(RunSummary run) {
        Div table = new Div();
        table.addClassName("tb-mini-table");
        for (int c = 0; c < run.classNames().size(); c++) {
            Span name = new Span(run.classNames().get(c));
            Span value = new Span(Math.round(100 * run.perClassAccuracy()[c]) + "%");
            Div row = new Div(name, value);
            row.addClassName("tb-mini-row");
            table.add(row);
        }
        return table;
    }

    static ConfusionMatrix matrix(RunSummary run) {
        ConfusionMatrix matrix = new ConfusionMatrix();
        matrix.setTexts(matrix.getTranslation("insights.actual"), matrix.getTranslation("insights.predicted"),
                matrix.getTranslation("insights.cell.tooltip"));
        matrix.setData(run.classNames(), run.confusion());
        return matrix;
    }

    private TrainChart chart(String titleKey, boolean percent, List<Double> train, List<Double> validation) {
        TrainChart chart = new TrainChart();
        chart.setPercent(percent);
        chart.setTexts(getTranslation(titleKey), getTranslation("chart.train"), getTranslation("chart.validation"),
                getTranslation("chart.epoch"), getTranslation("chart.best"));
        if (!percent) {
            chart.setLogScaleText(getTranslation("chart.loss.log-scale"));
        }
        chart.setHistory(train, validation);
        return chart;
    }
}
