package org.teachbox.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * The colour scale of every "where the model looked" picture: blue where covering the picture
 * up changed the answer least, through green and yellow, to red where it changed it most (the
 * hues {@link org.teachbox.prediction.HeatmapPicture} lays over the picture).
 */
public class HeatmapLegend extends Div {

    public HeatmapLegend() {
        addClassName("tb-heat-legend");
        Div bar = new Div();
        bar.addClassName("tb-heat-legend-bar");
        bar.getElement().setAttribute("role", "img");
        bar.getElement().setAttribute("aria-label", getTranslation("heat.legend.aria"));
        Span low = new Span(getTranslation("heat.legend.low"));
        Span high = new Span(getTranslation("heat.legend.high"));
        Div labels = new Div(low, high);
        labels.addClassName("tb-heat-legend-labels");
        add(bar, labels);
    }
}
