package org.teachbox.ui.preview;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;

import org.teachbox.prediction.PredictionService;

/** One bar per class showing how sure the model is; the winner is highlighted. */
public class ConfidenceBars extends Div {

    private final List<ProgressBar> bars = new ArrayList<>();
    private final List<Span> values = new ArrayList<>();
    private final List<Div> rows = new ArrayList<>();

    public ConfidenceBars() {
        addClassName("tb-bars");
        setId("confidence-bars");
    }

    /** One bar per class of the model on show, each at "–" until the first answer. */
    public void setClassNames(List<String> classNames) {
        removeAll();
        bars.clear();
        values.clear();
        rows.clear();
        for (String name : classNames) {
            Span label = new Span(name);
            label.addClassName("tb-bar-label");
            ProgressBar bar = new ProgressBar(0, 1, 0);
            // a progress bar needs a name of its own for screen readers (axe: serious)
            bar.getElement().setAttribute("aria-label", getTranslation("preview.bar.label", name));
            Span value = new Span("–");
            value.addClassName("tb-bar-value");
            Div row = new Div(label, bar, value);
            row.addClassName("tb-bar-row");
            bars.add(bar);
            values.add(value);
            rows.add(row);
            add(row);
        }
    }

    /** The class names the bars stand for, in the model's order. */
    public java.util.List<String> classNames() {
        return rows.stream().map(r -> ((Span) r.getComponentAt(0)).getText()).toList();
    }

    /** Counts the answers shown, in {@code data-answers}, so a page (or a test) can tell a new one from the last. */
    private int answers;

    public void show(PredictionService.Prediction prediction) {
        getElement().setAttribute("data-answers", String.valueOf(++answers));
        float[] p = prediction.probabilities();
        int best = prediction.best();
        for (int i = 0; i < bars.size() && i < p.length; i++) {
            bars.get(i).setValue(p[i]);
            values.get(i).setText(Math.round(100 * p[i]) + "%");
            rows.get(i).getElement().getClassList().set("tb-winner", i == best);
        }
    }
}
