package org.teachbox.ui.insights;

import java.util.List;
import java.util.stream.IntStream;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

import org.teachbox.training.TestResult;
import org.teachbox.training.TrainingReport;
import org.teachbox.ui.components.ConfusionMatrix;

/**
 * "Test pictures: the fair judge": how the model did on the pictures set aside per class, beside
 * how it did on validation. Validation shares the training pictures' quirks; the test pictures do
 * not, so the gap between the two numbers is what the bias lesson is about. Shown only for a run
 * that had test pictures. A click on a cell of its matrix shows those pictures in the page's gallery.
 */
class TestPicturesPanel extends Div {

    /** Test accuracy this far (or more) below validation gets a sentence saying what it means. */
    static final double GAP = 0.10;

    private final Paragraph gap = new Paragraph();
    private final Paragraph accuracy = new Paragraph();
    private final Grid<Row> perClass = new Grid<>();
    private final ConfusionMatrix confusion = new ConfusionMatrix();
    private TrainingReport report;

    TestPicturesPanel(CellGallery gallery) {
        setId("test-pictures");
        addClassName("tb-panel");
        addClassName("tb-test-panel");
        accuracy.setId("test-accuracy");
        accuracy.addClassName("tb-test-accuracy");
        configurePerClass();
        confusion.setId("test-confusion-matrix");
        confusion.setTexts(getTranslation("insights.actual"), getTranslation("insights.predicted"),
                getTranslation("insights.cell.tooltip"));
        confusion.addCellClickListener(e -> gallery.show(
                getTranslation("test-pictures.cell.title", report.classNames().get(e.getActual()),
                        report.classNames().get(e.getPredicted())),
                report.test().cell(e.getActual(), e.getPredicted()), report.classNames(), true));
        Div columns = new Div(column(perClass), column(new H3(getTranslation("test-pictures.confusion")),
                hint("test-pictures.confusion.hint"), confusion));
        columns.addClassName("tb-two-columns");
        gap.setId("test-gap");
        gap.addClassName("tb-warning");
        add(new H3(getTranslation("test-pictures.title")), hint("test-pictures.explain"), accuracy, gap, columns,
                hint("test-pictures.when"));
    }

    /** Shows a report's test judgement, or hides the panel when the run had no test pictures. */
    void show(TrainingReport report) {
        this.report = report;
        TestResult test = report.test();
        setVisible(test != null && test.count() > 0);
        if (!isVisible()) {
            return;
        }
        accuracy.setText(getTranslation("test-pictures.accuracy", Math.round(100 * test.accuracy()), test.count(),
                Math.round(100 * report.validationAccuracy())));
        // a gap this wide is more than a few pictures' luck: the training pictures share something
        boolean gap = report.validationAccuracy() - test.accuracy() >= GAP;
        this.gap.setVisible(gap);
        if (gap) {
            this.gap.setText(getTranslation("test-pictures.gap", Math.round(100 * test.accuracy()),
                    Math.round(100 * report.validationAccuracy())));
        }
        List<TrainingReport.ClassAccuracy> onTest = test.perClassAccuracy(report.classNames());
        List<TrainingReport.ClassAccuracy> onValidation = report.perClassAccuracy();
        perClass.setItems(IntStream.range(0, onTest.size())
                .mapToObj(c -> new Row(onTest.get(c), onValidation.get(c))).toList());
        confusion.setData(report.classNames(), test.confusion());
    }

    private void configurePerClass() {
        perClass.setId("test-per-class");
        perClass.addColumn(r -> r.test().name()).setHeader(getTranslation("test-pictures.class"));
        perClass.addColumn(r -> r.test().count() == 0 ? getTranslation("test-pictures.no-pictures")
                : Math.round(100 * r.test().accuracy()) + "%").setHeader(getTranslation("test-pictures.test-accuracy"));
        perClass.addColumn(r -> Math.round(100 * r.validation().accuracy()) + "%")
                .setHeader(getTranslation("test-pictures.validation-accuracy"));
        perClass.addColumn(r -> r.test().count()).setHeader(getTranslation("test-pictures.count"));
        // headers like "Validation accuracy" are long; each column takes what its words need
        perClass.getColumns().forEach(c -> c.setAutoWidth(true));
        perClass.setAllRowsVisible(true);
        perClass.addThemeVariants(GridVariant.LUMO_COMPACT);
    }

    private Paragraph hint(String key) {
        Paragraph hint = new Paragraph(getTranslation(key));
        hint.addClassName("tb-hint");
        return hint;
    }

    private static Div column(com.vaadin.flow.component.Component... parts) {
        Div column = new Div(parts);
        column.addClassName("tb-column");
        return column;
    }

    /** One class: its accuracy on test pictures and on validation. */
    private record Row(TrainingReport.ClassAccuracy test, TrainingReport.ClassAccuracy validation) {
    }
}
