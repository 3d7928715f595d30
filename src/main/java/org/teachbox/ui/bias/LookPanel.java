package org.teachbox.ui.bias;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import org.teachbox.project.ProjectRuleException;
import org.teachbox.ui.Messages;
import org.teachbox.bias.BiasLabService;
import org.teachbox.bias.LabResult;
import org.teachbox.bias.Experiment;
import org.teachbox.prediction.ExplanationQueue;
import org.teachbox.prediction.PredictionService;
import org.teachbox.ui.HeatmapImage;
import org.teachbox.ui.HeatmapLegend;
import org.teachbox.ui.layout.PageAccess;
import org.teachbox.project.ModelKind;
import org.teachbox.training.TrainingReport;

/**
 * Step 4, "find the cause": one validation image, and where the fair and the biased model
 * looked on it. For a shortcut we pick an image of another class wearing the cue, so the biased
 * model's heat sits on the sticker; for an imbalance, an image of the class that was cut.
 */
class LookPanel extends Div {

    private final BiasLabService lab;
    private final ExplanationQueue explanations;
    private final String owner;
    private final PageAccess page = new PageAccess(this);
    /** Counts requests, so heat maps that arrive after a newer request are dropped. */
    private volatile int request;

    LookPanel(BiasLabService lab, ExplanationQueue explanations, String owner) {
        this.lab = lab;
        this.explanations = explanations;
        this.owner = owner;
        addClassName("tb-look");
        setId("bias-saliency");
        clear();
    }

    void clear() {
        request++;
        removeAll();
        add(new Paragraph(getTranslation("bias.step4.waiting")));
    }

    void show(UUID projectId, LabResult fair, LabResult skewed, Experiment experiment) {
        request++;
        removeAll();
        if (!fair.hasModel() || !skewed.hasModel()) {
            // runs read back after a restart keep their numbers, not their weights
            add(new Paragraph(getTranslation("lab.look.no-model")));
            return;
        }
        Optional<TrainingReport.ValidationItem> pick = skewed.report().validation().stream()
                .filter(v -> experiment.kind() == Experiment.Kind.SHORTCUT
                        ? v.actual() != experiment.classIndex()
                        : v.actual() == experiment.classIndex())
                // a picture the biased model got wrong tells the story best
                .sorted(Comparator.comparing(v -> v.predicted() == v.actual()))
                .findFirst();
        if (pick.isEmpty()) {
            add(new Paragraph(getTranslation("insights.cell.empty")));
            return;
        }
        boolean withCue = experiment.kind() == Experiment.Kind.SHORTCUT;
        float[] image;
        ModelKind kind;
        try {
            image = lab.labImage(owner, projectId, pick.get().sampleId(), withCue);
            kind = lab.kind(owner, projectId);
        } catch (ProjectRuleException gone) {
            // e.g. the picture was deleted on the Gather page since the run
            add(new Paragraph(Messages.text(this, gone)));
            return;
        }
        // Occlusion saliency runs the model dozens of times (through the backbone for a pretrained
        // project), so it waits its turn on the heat-map threads and only the finished tiles go on the page.
        Paragraph working = new Paragraph(getTranslation("lab.look.working"));
        add(working);
        int mine = ++request;
        explanations.submit(owner, () -> mine == request, () -> Optional.of(List.of(
                PredictionService.heatmap(fair.model(), kind, image),
                PredictionService.heatmap(skewed.model(), kind, image)))).whenComplete((heats, error) -> page.access(() -> {
                    if (mine != request) {
                        return;
                    }
                    remove(working);
                    if (error != null || heats.isEmpty()) {
                        add(new Paragraph(getTranslation(ExplanationQueue.isFull(error)
                                ? "preview.saliency.busy" : "lab.gallery.failed")));
                        return;
                    }
                    add(tile(getTranslation("bias.run.fair"), fair, heats.get().get(0)),
                            tile(getTranslation("bias.run.skewed"), skewed, heats.get().get(1)), new HeatmapLegend());
                }));
    }

    private Div tile(String title, LabResult result, PredictionService.Heatmap heat) {
        var model = result.model();
        int best = heat.predictedClass();
        HeatmapImage picture = new HeatmapImage(heat, model.inputShape().c());
        Span caption = new Span(getTranslation("bias.step4.says", title,
                result.report().classNames().get(best), Math.round(100 * heat.confidence())));
        Div tile = new Div(picture, caption);
        tile.addClassName("tb-look-tile");
        return tile;
    }
}
