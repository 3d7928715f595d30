package org.teachbox.ui.preview;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import org.teachbox.prediction.FirstLayerPictures;
import org.teachbox.prediction.PredictionService;

/**
 * "Inside the network: the first layer", as in ConvNetJS's demos: the small CNN's 16 learned
 * filters in a grid and, under each, the feature map it makes of the picture just previewed.
 */
class FirstLayerPanel extends Div {

    FirstLayerPanel() {
        setId("preview-first-layer");
        addClassNames("tb-panel", "tb-first-layer");
        setVisible(false);
    }

    /** The pictures as data: URLs, encoded off the session lock (see PreviewView.answer). */
    record Pictures(List<String> filters, List<String> maps) {
        static Pictures of(PredictionService.FirstLayerLook look) {
            return new Pictures(look.filters().stream().map(FirstLayerPictures::dataUrl).toList(),
                    look.maps().stream().map(FirstLayerPictures::dataUrl).toList());
        }
    }

    void show(Pictures pictures) {
        removeAll();
        Paragraph hint = new Paragraph(getTranslation("preview.inside.hint"));
        hint.addClassName("tb-hint");
        Div grid = new Div();
        grid.addClassName("tb-first-layer-grid");
        for (int f = 0; f < pictures.filters().size(); f++) {
            Image filter = new Image(pictures.filters().get(f), getTranslation("preview.inside.filter-alt", f + 1));
            filter.addClassName("tb-filter");
            Image map = new Image(pictures.maps().get(f), getTranslation("preview.inside.map-alt", f + 1));
            map.addClassName("tb-feature-map");
            Span number = new Span(String.valueOf(f + 1));
            number.addClassName("tb-filter-number");
            Div cell = new Div(filter, number, map);
            cell.addClassName("tb-first-layer-cell");
            grid.add(cell);
        }
        add(new H3(getTranslation("preview.inside.title")), hint, grid);
        setVisible(true);
    }

    void clear() {
        removeAll();
        setVisible(false);
    }
}
