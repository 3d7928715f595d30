package org.teachbox.ui.insights;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;

import org.teachbox.prediction.PredictionService;
import org.teachbox.project.ProjectService;
import org.teachbox.training.ModelStore;
import org.teachbox.training.TrainingReport;
import org.teachbox.ui.components.ConfusionMatrix;
import org.teachbox.ui.layout.MainLayout;
import org.teachbox.ui.layout.ProjectPage;

/**
 * Step 4, Under the hood: why the model behaves as it does. Curves, accuracy per class, the
 * confusion matrix (click a cell to see its images), the worst mistakes and the layers.
 */
@Route(value = "project/:projectId/insights", layout = MainLayout.class)
public class InsightsView extends ProjectPage {

    private final ModelStore models;
    private final PredictionService predictions;
    private CellGallery gallery;

    public InsightsView(ProjectService projects, ModelStore models, PredictionService predictions) {
        super(projects);
        this.models = models;
        this.predictions = predictions;
    }

    @Override
    protected void build() {
        Optional<ModelStore.StoredModel> model = models.load(owner, project.id());
        if (model.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("insights.no-model"));
            none.setId("insights-no-model");
            add(none);
            return;
        }
        TrainingReport report = model.get().report();
        gallery = new CellGallery(id -> predictions.saliency(owner, project.id(), projects.sample(owner, id).image()),
                project.modelKind().channels());
        if (models.isOutOfDate(owner, project.id())) {
            Paragraph stale = new Paragraph(getTranslation("train.out-of-date"));
            stale.addClassName("tb-warning");
            add(stale);
        }
        CurvesPanel curves = new CurvesPanel();
        curves.show(report.history(), report.bestEpoch());
        Paragraph best = new Paragraph(getTranslation("insights.best-epoch", report.bestEpoch(),
                Math.round(100 * report.validationAccuracy())));
        Div grid = new Div(panel("insights.per-class", "insights.per-class.hint", perClass(report)),
                panel("insights.confusion", "insights.confusion.hint", confusion(report)));
        grid.addClassName("tb-two-columns");
        add(best, curves, grid, gallery, panel("insights.summary", "insights.summary.hint", summary(report)));
        showMostConfused(report);
    }

    private Component perClass(TrainingReport report) {
        Grid<TrainingReport.ClassAccuracy> table = new Grid<>();
        table.setId("per-class");
        table.addColumn(TrainingReport.ClassAccuracy::name).setHeader(getTranslation("insights.class"));
        table.addColumn(a -> Math.round(100 * a.accuracy()) + "%").setHeader(getTranslation("insights.accuracy"));
        table.addColumn(TrainingReport.ClassAccuracy::count).setHeader(getTranslation("insights.validation-images"));
        table.setItems(report.perClassAccuracy());
        table.setAllRowsVisible(true);
        table.addThemeVariants(GridVariant.LUMO_COMPACT);
        return table;
    }

    private Component confusion(TrainingReport report) {
        ConfusionMatrix matrix = new ConfusionMatrix();
        matrix.setId("confusion-matrix");
        matrix.setTexts(getTranslation("insights.actual"), getTranslation("insights.predicted"),
                getTranslation("insights.cell.tooltip"));
        matrix.setData(report.classNames(), report.confusion());
        matrix.addCellClickListener(e -> gallery.show(
                getTranslation("insights.cell.title", report.classNames().get(e.getActual()),
                        report.classNames().get(e.getPredicted())),
                report.cell(e.getActual(), e.getPredicted()), report.classNames()));
        return matrix;
    }

    private void showMostConfused(TrainingReport report) {
        List<TrainingReport.ValidationItem> wrong = report.validation().stream()
                .filter(v -> v.actual() != v.predicted())
                .sorted(Comparator.comparingDouble(TrainingReport.ValidationItem::confidence).reversed())
                .limit(12).toList();
        gallery.show(getTranslation("insights.most-confused"), wrong, report.classNames());
    }

    private Component summary(TrainingReport report) {
        Grid<TrainingReport.LayerRow> table = new Grid<>();
        table.setId("model-summary");
        table.addColumn(l -> l.frozen() ? getTranslation("insights.layer.frozen", l.name()) : l.name())
                .setHeader(getTranslation("insights.layer")).setFlexGrow(2);
        table.addColumn(TrainingReport.LayerRow::outputShape).setHeader(getTranslation("insights.shape"));
        table.addColumn(TrainingReport.LayerRow::parameters).setHeader(getTranslation("insights.params"));
        table.setItems(report.layers());
        table.setAllRowsVisible(true);
        table.addThemeVariants(GridVariant.LUMO_COMPACT);
        long frozen = report.layers().stream().filter(TrainingReport.LayerRow::frozen)
                .mapToLong(TrainingReport.LayerRow::parameters).sum();
        Paragraph total = new Paragraph(frozen > 0
                ? getTranslation("insights.params.total-frozen", report.parameters(), frozen)
                : getTranslation("insights.params.total", report.parameters()));
        return new Div(table, total);
    }

    private Div panel(String title, String hint, Component content) {
        Paragraph explain = new Paragraph(getTranslation(hint));
        explain.addClassName("tb-hint");
        Div panel = new Div(new H3(getTranslation(title)), explain, content);
        panel.addClassName("tb-panel");
        return panel;
    }
}
