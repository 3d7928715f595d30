package org.teachbox.ui.bias;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import org.teachbox.bias.RunSummary;

/**
 * "How often each class is predicted" next to how often it is the truth, as two thin bars per
 * class. A skewed model's bar for the favoured class sticks out past the truth marker.
 */
class ShareBars extends Div {

    ShareBars(RunSummary run) {
        addClassName("tb-share");
        for (int c = 0; c < run.classNames().size(); c++) {
            Span name = new Span(run.classNames().get(c));
            name.addClassName("tb-bar-label");
            Div truth = bar("tb-share-truth", run.trueShare()[c]);
            Div predicted = bar("tb-share-predicted", run.predictedShare()[c]);
            Div bars = new Div(predicted, truth);
            bars.addClassName("tb-share-bars");
            Span value = new Span(getTranslation("bias.share.value", pct(run.predictedShare()[c]), pct(run.trueShare()[c])));
            value.addClassName("tb-share-value");
            Div row = new Div(name, bars, value);
            row.addClassName("tb-share-row");
            add(row);
        }
    }

    private static Div bar(String className, double share) {
        Div bar = new Div();
        bar.addClassName(className);
        bar.getStyle().set("width", Math.max(0.5, 100 * share) + "%");
        return bar;
    }

    private static long pct(double share) {
        return Math.round(100 * share);
    }
}
