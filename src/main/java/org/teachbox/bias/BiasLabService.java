package org.teachbox.bias;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
import org.teachbox.training.TrainingRequest;
import org.teachbox.training.TrainingService;
import org.teachbox.training.TrainingSettings;

/**
 * The bias lab: trains a fair model, a deliberately skewed one and, if asked, a mitigated one,
 * all as normal jobs in the shared queue with the same settings and seed, so the only difference
 * between them is the data. Works on any project kind: a pretrained project's stickers are
 * painted on the pixels before the backbone reads them (see PreparedEmbeddings). Lab models never
 * replace the project's own; their numbers are kept in {@link LabRuns} and survive a restart.
 */
@Service
public class BiasLabService {

    private final TrainingService training;
    private final ProjectService projects;
    private final Embeddings embeddings;
    private final LabRuns runs;
    private final TrainingSettings settings;

    /**
     * @param epochs per lab run. 30 by default: the lesson data is learnt by epoch ~25, and three
     *               runs of 30 epochs fit the lesson into two minutes on a two-core server.
     */
    BiasLabService(TrainingService training, ProjectService projects, Embeddings embeddings, LabRuns runs,
                   BiasProperties lab) {
        this.training = training;
        this.projects = projects;
        this.embeddings = embeddings;
        this.runs = runs;
        this.settings = lab.runSettings();
    }


    public void trainFair(String owner, UUID projectId) {
        projects.project(owner, projectId);
        refuseWhileRunning(projectId, Purpose.BIAS_FAIR);
        runs.clear(projectId, List.of(Purpose.BIAS_FAIR, Purpose.BIAS_SKEWED, Purpose.BIAS_MITIGATED));
        submit(owner, projectId, Purpose.BIAS_FAIR, DataRecipe.FAIR, LabExperiment.BASELINE, LabRecipe.BASELINE);
    }

    public void trainSkewed(String owner, UUID projectId, Experiment experiment) {
        Project project = projects.project(owner, projectId);
        if (experiment.classIndex() < 0 || experiment.classIndex() >= projects.classes(owner, projectId).size()) {
            throw new ProjectRuleException("rule.class.not-found");
        }
        refuseWhileRunning(projectId, Purpose.BIAS_SKEWED);
        runs.clear(projectId, List.of(Purpose.BIAS_SKEWED, Purpose.BIAS_MITIGATED));
        submit(owner, projectId, Purpose.BIAS_SKEWED, experiment.skewed(project.modelKind()),
                LabExperiment.of(experiment), LabRecipe.of(experiment));
    }

    public void trainMitigated(String owner, UUID projectId, Mitigation mitigation) {
        Experiment experiment = experiment(projectId).orElse(null);
        if (experiment == null || experiment.kind() != Experiment.Kind.IMBALANCE) {
            throw new ProjectRuleException("bias.error.no-imbalance");
        }
        refuseWhileRunning(projectId, Purpose.BIAS_MITIGATED);
        runs.clear(projectId, List.of(Purpose.BIAS_MITIGATED));
        submit(owner, projectId, Purpose.BIAS_MITIGATED, experiment.mitigated(mitigation),
                LabExperiment.IMBALANCE, LabRecipe.mitigated(experiment, mitigation));
    }

    /** A double click must not wipe the stored run that the running job is about to replace. */
    private void refuseWhileRunning(UUID projectId, Purpose purpose) {
        if (training.active(projectId, purpose).isPresent()) {
            throw new ProjectRuleException("train.error.already-running");
        }
    }

    public Optional<LabResult> result(String owner, UUID projectId, Purpose purpose) {
        projects.project(owner, projectId);
        return runs.get(projectId, purpose);
    }

    /** The experiment of the latest finished skewed run. */
    public Optional<Experiment> experiment(UUID projectId) {
        return runs.get(projectId, Purpose.BIAS_SKEWED).map(r -> r.recipe().experiment());
    }

    public Optional<Mitigation> mitigation(UUID projectId) {
        return runs.get(projectId, Purpose.BIAS_MITIGATED).map(r -> r.recipe().mitigation());
    }

    /**
     * The picture (0..1) a lab run sees for a validation sample, with the cue if the experiment
     * puts one there.
     */
    public float[] labImage(String owner, UUID projectId, UUID sampleId, boolean withCue) {
        Project project = projects.project(owner, projectId);
        ModelKind kind = project.modelKind();
        float[] image = ModelInput.picture(kind, projects.sample(owner, sampleId).image());
        Experiment experiment = experiment(projectId).orElse(null);
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

    private void submit(String owner, UUID projectId, Purpose purpose, DataRecipe recipe, LabExperiment experiment,
                        LabRecipe stored) {
        // Every lab run keeps its last epoch: the test images are balanced on purpose while the
        // training data is not, and letting them pick the epoch quietly undid the skew (on the
        // lesson data the "best" epoch of a 10% run often predicted the rare class at its true share).
        ModelKind kind = projects.project(owner, projectId).modelKind();
        training.submit(new TrainingRequest(owner, projectId, purpose, settings, recipe, TrainConfig.Keep.LAST_EPOCH,
                (model, report) -> runs.put(projectId, purpose, experiment, whole(embeddings, kind, model), report,
                        report.test(), stored)));
    }

    /** A pretrained project's lab run trains only the head; saliency needs the backbone in front. */
    static Classifier whole(Embeddings embeddings, ModelKind kind, Model model) {
        if (kind != ModelKind.PRETRAINED) {
            return model;
        }
        return new BackboneClassifier(embeddings.backbone().orElseThrow(
                () -> new ProjectRuleException("train.error.no-backbone")), model, 1);
    }

    int labsInMemory() {
        return runs.inMemory();
    }
}
