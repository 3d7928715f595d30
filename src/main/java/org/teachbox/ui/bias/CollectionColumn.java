package org.teachbox.ui.bias;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;

import org.teachbox.bias.RunSummary;

/**
 * One side of a skewed-collection comparison, all on the lab project's test pictures: accuracy
 * there beside accuracy on the collection's own validation pictures, per class, how often each
 * class is predicted, and the confusion matrix.
 */
class CollectionColumn extends Div {

    CollectionColumn(String title, String id, RunSummary test, double validationAccuracy) {
        addClassName("tb-panel");
        addClassName("tb-run");
        setId(id);
        Paragraph accuracies = new Paragraph(getTranslation("lab.collection.accuracies",
                Math.round(100 * test.accuracy()), Math.round(100 * validationAccuracy)));
        accuracies.addClassName("tb-run-test");
        add(new H3(title), accuracies);
        add(new H4(getTranslation("lab.collection.per-class")), RunColumn.perClassTable(test));
        add(new H4(getTranslation("lab.collection.share")), new ShareBars(test));
        add(new H4(getTranslation("lab.collection.confusion")), RunColumn.matrix(test));
    }
}
