package org.teachbox.bias;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.teachbox.engine.Classifier;
import org.teachbox.engine.Model;
import org.teachbox.engine.TrainConfig;
import org.teachbox.engine.pretrained.BackboneClassifier;
import org.teachbox.prediction.PredictionService;
import org.teachbox.pretrained.Embeddings;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.training.DataRecipe;
import org.teachbox.training.ModelInput;
import org.teachbox.training.Purpose;
import org.teachbox.training.TrainingReport;
import org.teachbox.training.TrainingRequest;
import org.teachbox.training.TrainingService;
import org.teachbox.training.TrainingSettings;

/**
 * The bias lab: trains a fair model, a deliberately skewed one and, if asked, a mitigated one,
 * all as normal jobs in the shared queue with the same settings and seed, so the only difference
 * between them is the data. Lab models are kept in memory beside the project's own model and
 * never replace it.
 */
@Service
public class BiasLabService {

    private final TrainingService training;
    private final ProjectService projects;
    private final Embeddings embeddings;
    /** The most recently used labs; a class of 30 needs 30, so a few hundred is plenty. */
    private final Map<UUID, Lab> labs;

    private final TrainingSettings settings;

    /**
     * @param epochs per lab run. 30 by default: the lesson data is learnt by epoch ~25, and three
     *               runs of 30 epochs fit the lesson into two minutes on a two-core server.
     */
    BiasLabService(TrainingService training, ProjectService projects, Embeddings embeddings,
                   @Value("${teachbox.bias.epochs:30}") int epochs,
                   @Value("${teachbox.bias.labs-kept:200}") int labsKept) {
        this.labs = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Lab> eldest) {
                return size() > Math.max(1, labsKept);
            }
        });
        this.training = training;
        this.projects = projects;
        this.embeddings = embeddings;
        TrainingSettings defaults = TrainingSettings.defaults();
        this.settings = new TrainingSettings(epochs, defaults.batchSize(), defaults.learningRate(), defaults.optimizer());
    }

    public void trainFair(String owner, UUID projectId) {
        lab(projectId).clear();
        submit(owner, projectId, Purpose.BIAS_FAIR, DataRecipe.FAIR);
    }

    public void trainSkewed(String owner, UUID projectId, Experiment experiment) {
        Project project = projects.project(owner, projectId);
        if (experiment.classIndex() < 0 || experiment.classIndex() >= projects.classes(owner, projectId).size()) {
            throw new ProjectRuleException("rule.class.not-found");
        }
        Lab lab = lab(projectId);
        lab.experiment = experiment;
        lab.results.remove(Purpose.BIAS_SKEWED);
        lab.results.remove(Purpose.BIAS_MITIGATED);
        submit(owner, projectId, Purpose.BIAS_SKEWED, experiment.skewed(project.modelKind()));
    }

    public void trainMitigated(String owner, UUID projectId, Mitigation mitigation) {
        Lab lab = lab(projectId);
        if (lab.experiment == null || lab.experiment.kind() != Experiment.Kind.IMBALANCE) {
            throw new ProjectRuleException("bias.error.no-imbalance");
        }
        lab.mitigation = mitigation;
        lab.results.remove(Purpose.BIAS_MITIGATED);
        submit(owner, projectId, Purpose.BIAS_MITIGATED, lab.experiment.mitigated(mitigation));
    }

    public Optional<Result> result(String owner, UUID projectId, Purpose purpose) {
        projects.project(owner, projectId);
        return Optional.ofNullable(lab(projectId).results.get(purpose));
    }

    public Optional<Experiment> experiment(UUID projectId) {
        return Optional.ofNullable(lab(projectId).experiment);
    }

    public Optional<Mitigation> mitigation(UUID projectId) {
        return Optional.ofNullable(lab(projectId).mitigation);
    }

    /**
     * The picture (0..1) a lab run sees for a validation sample, with the cue if the experiment
     * puts one there.
     */
    public float[] labImage(String owner, UUID projectId, UUID sampleId, boolean withCue) {
        Project project = projects.project(owner, projectId);
        ModelKind kind = project.modelKind();
        float[] image = ModelInput.picture(kind, projects.sample(owner, sampleId).image());
        Experiment experiment = lab(projectId).experiment;
        if (withCue && experiment != null && experiment.kind() == Experiment.Kind.SHORTCUT) {
            experiment.cue().stamp(image, kind.channels(), kind.inputSize());
        }
        return image;
    }

    public ModelKind kind(String owner, UUID projectId) {
        return projects.project(owner, projectId).modelKind();
    }

    public static float[] saliency(Classifier model, ModelKind kind, float[] picture) {
        return PredictionService.heatmap(model, kind, picture).values();
    }

    private void submit(String owner, UUID projectId, Purpose purpose, DataRecipe recipe) {
        Lab lab = lab(projectId);
        // Every lab run keeps its last epoch: the test images are balanced on purpose while the
        // training data is not, and letting them pick the epoch quietly undid the skew (on the
        // lesson data the "best" epoch of a 10% run often predicted the rare class at its true share).
        ModelKind kind = projects.project(owner, projectId).modelKind();
        training.submit(new TrainingRequest(owner, projectId, purpose, settings, recipe, TrainConfig.Keep.LAST_EPOCH,
                (model, report) -> lab.results.put(purpose, new Result(whole(kind, model), report))));
    }

    /** A pretrained project's lab run trains only the head; saliency needs the backbone in front. */
    private Classifier whole(ModelKind kind, Model model) {
        if (kind != ModelKind.PRETRAINED) {
            return model;
        }
        return new BackboneClassifier(embeddings.backbone().orElseThrow(
                () -> new ProjectRuleException("train.error.no-backbone")), model, 1);
    }

    /** A deleted project's lab models go with it; so do they when a class they knew is deleted. */
    @org.springframework.context.event.EventListener
    void onProjectDataRemoved(org.teachbox.project.ProjectDataRemoved removed) {
        labs.remove(removed.projectId());
    }

    int labsInMemory() {
        return labs.size();
    }

    private Lab lab(UUID projectId) {
        return labs.computeIfAbsent(projectId, id -> new Lab());
    }

    public record Result(Classifier model, TrainingReport report) {
        public RunSummary summary() {
            return RunSummary.of(report);
        }
    }

    private static final class Lab {
        private final Map<Purpose, Result> results = java.util.Collections.synchronizedMap(new EnumMap<>(Purpose.class));
        private volatile Experiment experiment;
        private volatile Mitigation mitigation;

        void clear() {
            results.clear();
            experiment = null;
            mitigation = null;
        }
    }
}
