package org.teachbox.bias;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Service;
import org.teachbox.prediction.ExplanationQueue;
import org.teachbox.prediction.PredictionService;
import org.teachbox.project.ModelKind;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.training.ModelInput;
import org.teachbox.training.TrainingReport;

/**
 * "Pictures the skewed model gets wrong that the fair one gets right": the lab project's test
 * pictures where the skewed collection failed and the fair one did not, each with the skewed
 * model's heat map. Occlusion saliency runs the model dozens of times a picture (through the
 * backbone for a pretrained model), so pages ask for them {@link #later}, through the
 * {@link ExplanationQueue} that every heat map waits in.
 */
@Service
public class CollectionMistakes {

    private final ProjectService projects;
    private final ExplanationQueue explanations;

    CollectionMistakes(ProjectService projects, ExplanationQueue explanations) {
        this.projects = projects;
        this.explanations = explanations;
    }

    /**
     * {@link #of}, computed on one of the heat-map threads when its turn comes, unless
     * {@code wanted} says no by then; fails with RejectedExecutionException when the line is full.
     */
    public CompletableFuture<Optional<List<Mistake>>> later(String owner, UUID labProjectId, LabResult fair,
                                                            LabResult skewed, int limit, BooleanSupplier wanted) {
        return explanations.submit(owner, wanted, () -> Optional.of(of(owner, labProjectId, fair, skewed, limit)));
    }

    /** One such picture: what it is, what the skewed model said, and where it looked. */
    public record Mistake(UUID sampleId, int actual, int predicted, PredictionService.Heatmap heat, int channels) {
    }

    /** The test pictures only the skewed model gets wrong, with heat maps; empty without models. */
    public List<Mistake> of(String owner, UUID labProjectId, LabResult fair, LabResult skewed, int limit) {
        if (!skewed.hasModel() || fair.test() == null || skewed.test() == null) {
            return List.of();
        }
        ModelKind kind = projects.project(owner, skewed.recipe().skewedProjectId()).modelKind();
        Map<UUID, TrainingReport.ValidationItem> fairSays = fair.test().pictures().stream()
                .collect(Collectors.toMap(TrainingReport.ValidationItem::sampleId, Function.identity(), (a, b) -> a));
        return skewed.test().pictures().stream()
                .filter(p -> p.predicted() != p.actual())
                .filter(p -> fairSays.containsKey(p.sampleId()) && fairSays.get(p.sampleId()).predicted() == p.actual())
                .limit(limit)
                .map(p -> mistake(owner, kind, skewed, p))
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private Mistake mistake(String owner, ModelKind kind, LabResult skewed, TrainingReport.ValidationItem item) {
        float[] picture;
        try {
            picture = ModelInput.picture(kind, projects.sample(owner, item.sampleId()).image());
        } catch (ProjectRuleException gone) {
            return null; // deleted on the Gather page since the run
        }
        return new Mistake(item.sampleId(), item.actual(), item.predicted(),
                PredictionService.heatmap(skewed.model(), kind, picture), kind.channels());
    }
}
