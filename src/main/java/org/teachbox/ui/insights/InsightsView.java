package org.teachbox.ui.insights;

import java.util.UUID;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;

import org.teachbox.prediction.ExplanationQueue;
import org.teachbox.prediction.PredictionService;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectService;
import org.teachbox.runs.RunHistory;
import org.teachbox.training.ModelStore;
import org.teachbox.training.TrainingReport;
import org.teachbox.ui.components.ConfusionMatrix;
import org.teachbox.ui.layout.MainLayout;
import org.teachbox.ui.layout.ProjectPage;
import org.teachbox.ui.runs.RunCurves;
import org.teachbox.ui.runs.RunsPanel;

/**
 * Step 4, Under the hood: why the model behaves as it does. Curves, accuracy per class, the
 * confusion matrix (click a cell to see its images), how the model did on the test pictures set
 * aside (when there are any), the worst mistakes and the layers. The kept
 * runs sit under the curves: tick runs to overlay them, or bring back an earlier run's model.
 */
@Route(value = "project/:projectId/insights", layout = MainLayout.class)
@AnonymousAllowed
public class InsightsView extends ProjectPage {

    private final ModelStore models;
    private final Paragraph none = new Paragraph();
    private final Paragraph stale = new Paragraph();
    private final Paragraph best = new Paragraph();
    private final CurvesPanel curves = new CurvesPanel();
    private final Grid<TrainingReport.ClassAccuracy> perClass = new Grid<>();
    private final ConfusionMatrix confusion = new ConfusionMatrix();
    private final CellGallery gallery;
    private final TestPicturesPanel testPictures;
    private final Grid<TrainingReport.LayerRow> layers = new Grid<>();
    private final Paragraph totalParameters = new Paragraph();
    private final VerticalLayout modelParts;
    private final RunsPanel runs;
    private TrainingReport report;

    public InsightsView(ProjectService projects, ModelStore models, PredictionService predictions, RunHistory history,
                        ExplanationQueue explanations) {
        super(projects);
        this.models = models;
        this.runs = new RunsPanel(history);
        runs.addCompareListener(e -> RunCurves.draw(curves, e.runs()));
        runs.addCurrentChangedListener(e -> load(project));
        this.gallery = new CellGallery((id, wanted) -> {
            UUID projectId = project.id();
            return explanations.submit(owner, wanted,
                    () -> predictions.saliency(owner, projectId, projects.sample(owner, id).image()));
        });
        none.setText(getTranslation("insights.no-model"));
        none.setId("insights-no-model");
        stale.setText(getTranslation("train.out-of-date"));
        stale.addClassName("tb-warning");
        configurePerClass();
        configureConfusion();
        configureLayers();
        testPictures = new TestPicturesPanel(gallery);
        Div grid = new Div(panel("insights.per-class", "insights.per-class.hint", perClass),
                panel("insights.confusion", "insights.confusion.hint", confusion));
        grid.addClassName("tb-two-columns");
        modelParts = new VerticalLayout(stale, best, curves, runs, grid, testPictures, gallery,
                panel("insights.summary", "insights.summary.hint", new Div(layers, totalParameters)));
        modelParts.setPadding(false);
        addContent(none, modelParts);
    }

    @Override
    protected void load(Project project) {
        Optional<ModelStore.StoredModel> model = models.load(owner, project.id());
        none.setVisible(model.isEmpty());
        modelParts.setVisible(model.isPresent());
        if (model.isEmpty()) {
            report = null;
            return;
        }
        report = model.get().report();
        runs.load(owner, project);
        stale.setVisible(models.isOutOfDate(owner, project.id()));
        curves.show(report);
        // the pretrained head keeps its last epoch (see TrainingRun), so "the best one" would be untrue
        best.setText(getTranslation(project.modelKind() == ModelKind.PRETRAINED ? "insights.last-epoch" : "insights.best-epoch",
                report.bestEpoch(), Math.round(100 * report.validationAccuracy())));
        perClass.setItems(report.perClassAccuracy());
        confusion.setData(report.classNames(), report.confusion());
        gallery.setChannels(project.modelKind().channels());
        gallery.setProject(project.id());
        testPictures.show(report);
        showMostConfused(report);
        layers.setItems(report.layers());
        long frozen = report.layers().stream().filter(TrainingReport.LayerRow::frozen)
                .mapToLong(TrainingReport.LayerRow::parameters).sum();
        totalParameters.setText(frozen > 0
                ? getTranslation("insights.params.total-frozen", report.parameters(), frozen)
                : getTranslation("insights.params.total", report.parameters()));
    }

    private void configurePerClass() {
        perClass.setId("per-class");
        perClass.addColumn(TrainingReport.ClassAccuracy::name).setHeader(getTranslation("insights.class"));
        perClass.addColumn(a -> Math.round(100 * a.accuracy()) + "%").setHeader(getTranslation("insights.accuracy"));
        perClass.addColumn(TrainingReport.ClassAccuracy::count).setHeader(getTranslation("insights.validation-images"));
        perClass.setAllRowsVisible(true);
        perClass.addThemeVariants(GridVariant.LUMO_COMPACT);
    }

    private void configureConfusion() {
        confusion.setId("confusion-matrix");
        confusion.setTexts(getTranslation("insights.actual"), getTranslation("insights.predicted"),
                getTranslation("insights.cell.tooltip"));
        confusion.addCellClickListener(e -> gallery.show(
                getTranslation("insights.cell.title", report.classNames().get(e.getActual()),
                        report.classNames().get(e.getPredicted())),
                report.cell(e.getActual(), e.getPredicted()), report.classNames()));
    }

    private void showMostConfused(TrainingReport report) {
        List<TrainingReport.ValidationItem> wrong = report.validation().stream()
                .filter(v -> v.actual() != v.predicted())
                .sorted(Comparator.comparingDouble(TrainingReport.ValidationItem::confidence).reversed())
                .limit(12).toList();
        gallery.show(getTranslation("insights.most-confused"), wrong, report.classNames());
    }

    private void configureLayers() {
        layers.setId("model-summary");
        layers.addColumn(l -> l.frozen() ? getTranslation("insights.layer.frozen", layerName(l.name())) : layerName(l.name()))
                .setHeader(getTranslation("insights.layer")).setFlexGrow(2);
        layers.addColumn(TrainingReport.LayerRow::outputShape).setHeader(getTranslation("insights.shape"));
        // grouped as the page's language writes big numbers: 410,208
        layers.addColumn(l -> java.text.NumberFormat.getIntegerInstance(getLocale()).format(l.parameters()))
                .setHeader(getTranslation("insights.params"));
        layers.setAllRowsVisible(true);
        layers.addThemeVariants(GridVariant.LUMO_COMPACT);
    }

    /** "dense" as "Fully connected (dense)": the learner's words, with the name other tools use. */
    private String layerName(String name) {
        // "dense_1" is the second dense layer: same words, its own name in brackets
        String key = "layer." + name.toLowerCase(java.util.Locale.ROOT).replaceAll("_\\d+$", "").replaceAll("[^a-z0-9_]", "");
        String text = getTranslation(key, name);
        return text.contains(key) ? name : text;
    }

    private Div panel(String title, String hint, Component content) {
        Paragraph explain = new Paragraph(getTranslation(hint));
        explain.addClassName("tb-hint");
        Div panel = new Div(new H3(getTranslation(title)), explain, content);
        panel.addClassName("tb-panel");
        return panel;
    }
}
