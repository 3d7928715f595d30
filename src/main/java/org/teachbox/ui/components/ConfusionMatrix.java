package org.teachbox.ui.components;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;

import java.util.List;

/**
 * A confusion matrix: for each actual class (row), how many validation images the model
 * predicted as each class (column). Cells are coloured by their share of the row, so learners
 * see at a glance which classes get mixed up, and clicking a cell lets the page show the images
 * behind that number.
 *
 * <p>Server half of {@code frontend/components/confusion-matrix.ts}.
 */
@Tag("confusion-matrix")
@JsModule("./components/confusion-matrix.ts")
public class ConfusionMatrix extends Component {

    private record Data(List<String> classNames, int[][] counts) {
    }

    private record Texts(String actual, String predicted, String cellTooltip) {
    }

    private int size;

    /**
     * Shows the matrix. {@code counts[actual][predicted]} must be square, one row and one column
     * per class name.
     */
    public void setData(List<String> classNames, int[][] counts) {
        if (counts.length != classNames.size()) {
            throw new IllegalArgumentException("counts has " + counts.length + " rows for " + classNames.size() + " classes");
        }
        for (int[] row : counts) {
            if (row.length != classNames.size()) {
                throw new IllegalArgumentException("every row of counts needs " + classNames.size() + " columns");
            }
        }
        size = classNames.size();
        getElement().setPropertyBean("data", new Data(List.copyOf(classNames), counts));
    }

    /**
     * The axis labels and the cell tooltip, already translated. In the tooltip pattern
     * {@code {0}} is the count, {@code {1}} the actual class and {@code {2}} the predicted class,
     * e.g. "{0} images of {1} were predicted as {2}". Translate with no arguments so the
     * placeholders survive.
     */
    public void setTexts(String actualAxis, String predictedAxis, String cellTooltipPattern) {
        getElement().setPropertyBean("texts", new Texts(actualAxis, predictedAxis, cellTooltipPattern));
    }

    public Registration addCellClickListener(ComponentEventListener<CellClickEvent> listener) {
        return addListener(CellClickEvent.class, listener);
    }

    @ClientCallable
    void cellClicked(int actual, int predicted) {
        // The numbers come from the browser; a stale or forged click must not reach the parent.
        if (actual >= 0 && actual < size && predicted >= 0 && predicted < size) {
            fireEvent(new CellClickEvent(this, actual, predicted));
        }
    }

    /** A learner clicked the cell of images of class {@code actual} that were predicted as {@code predicted}. */
    public static class CellClickEvent extends ComponentEvent<ConfusionMatrix> {
        private final int actual;
        private final int predicted;

        public CellClickEvent(ConfusionMatrix source, int actual, int predicted) {
            super(source, true);
            this.actual = actual;
            this.predicted = predicted;
        }

        /** Index of the actual class, as in {@link #setData}'s class names. */
        public int getActual() {
            return actual;
        }

        /** Index of the predicted class. */
        public int getPredicted() {
            return predicted;
        }
    }
}
