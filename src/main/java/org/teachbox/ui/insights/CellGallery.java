package org.teachbox.ui.insights;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import org.teachbox.training.TrainingReport;

/**
 * The validation images behind one confusion-matrix cell (or the model's most confident
 * mistakes), each with what the model said and how sure it was.
 */
class CellGallery extends Div {

    CellGallery() {
        addClassName("tb-gallery");
        setId("cell-gallery");
    }

    void show(String title, List<TrainingReport.ValidationItem> items, List<String> classNames) {
        removeAll();
        add(new H3(title));
        if (items.isEmpty()) {
            add(new Paragraph(getTranslation("insights.cell.empty")));
            return;
        }
        Div grid = new Div();
        grid.addClassName("tb-thumbs");
        for (TrainingReport.ValidationItem item : items) {
            Image image = new Image("samples/" + item.sampleId(), classNames.get(item.actual()));
            image.addClassName("tb-thumb-img");
            Span caption = new Span(getTranslation("insights.cell.caption", classNames.get(item.predicted()),
                    Math.round(100 * item.confidence())));
            caption.addClassName("tb-caption");
            Div tile = new Div(image, caption);
            tile.addClassName("tb-tile");
            grid.add(tile);
        }
        add(grid);
    }
}
