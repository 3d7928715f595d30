package org.teachbox.bias;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.teachbox.engine.Model;
import org.teachbox.engine.TrainConfig;
import org.teachbox.pretrained.Embeddings;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.training.DataRecipe;
import org.teachbox.training.Purpose;
import org.teachbox.training.TestJudge;
import org.teachbox.training.TestResult;
import org.teachbox.training.TrainingReport;
import org.teachbox.training.TrainingRequest;
import org.teachbox.training.TrainingService;
import org.teachbox.training.TrainingSettings;

/**
 * The bias lab's third experiment, "Skewed collection": the learner brings two of their own
 * projects with the same classes, one collected fairly and one skewed (every cat a grey tabby).
 * Both are trained as they are, with the lab's settings, and both are judged on the lab
 * project's test pictures: the skewed model's validation pictures share its skew, so only the
 * fair test pictures can show what it really learnt.
 */
@Service
public class SkewedCollection {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SkewedCollection.class);

    /** Judging runs on the trainer's thread, after training; two threads as a training job has. */
    private static final int JUDGE_THREADS = 2;

    private final TrainingService training;
    private final ProjectService projects;
    private final Embeddings embeddings;
    private final LabRuns runs;
    private final TrainingSettings settings;

    SkewedCollection(TrainingService training, ProjectService projects, Embeddings embeddings, LabRuns runs,
                     BiasProperties lab) {
        this.training = training;
        this.projects = projects;
        this.embeddings = embeddings;
        this.runs = runs;
        this.settings = lab.runSettings();
    }

    /**
     * The choices: the lab project itself first (its own training pictures can be the fair
     * collection), then the learner's other projects with the same class names.
     */
    public List<Project> candidates(String owner, UUID labProjectId) {
        var names = classNames(owner, labProjectId);
        List<Project> choices = new java.util.ArrayList<>();
        choices.add(projects.project(owner, labProjectId));
        projects.projectsOf(owner).stream()
                .filter(p -> !p.id().equals(labProjectId))
                .filter(p -> classNames(owner, p.id()).equals(names))
                .forEach(choices::add);
        return choices;
    }

    private HashSet<String> classNames(String owner, UUID projectId) {
        return new HashSet<>(projects.classes(owner, projectId).stream().map(c -> c.name()).toList());
    }

    /** Trains both collections; each is judged on the lab project's test pictures when it ends. */
    public void train(String owner, UUID labProjectId, UUID fairId, UUID skewedId) {
        if (projects.classes(owner, labProjectId).stream().allMatch(c -> c.testCount() == 0)) {
            throw new ProjectRuleException("bias.error.no-test-pictures");
        }
        Project fair = projects.project(owner, fairId);
        Project skewed = projects.project(owner, skewedId);
        if (fairId.equals(skewedId)) {
            throw new ProjectRuleException("bias.error.same-project");
        }
        if (!candidates(owner, labProjectId).stream().map(Project::id).toList().containsAll(List.of(fairId, skewedId))) {
            throw new ProjectRuleException("bias.error.names-differ");
        }
        LabRecipe recipe = LabRecipe.collection(fairId, fair.name(), skewedId, skewed.name());
        if (training.active(fairId, Purpose.BIAS_COLLECTION_FAIR).isPresent()
                || training.active(skewedId, Purpose.BIAS_COLLECTION_SKEWED).isPresent()) {
            throw new ProjectRuleException("train.error.already-running");
        }
        runs.clear(labProjectId, List.of(Purpose.BIAS_COLLECTION_FAIR, Purpose.BIAS_COLLECTION_SKEWED));
        // one after the other: the queue holds one waiting job per learner
        submit(owner, labProjectId, fair, Purpose.BIAS_COLLECTION_FAIR, recipe,
                () -> submit(owner, labProjectId, skewed, Purpose.BIAS_COLLECTION_SKEWED, recipe, () -> { }));
    }

    public Optional<LabResult> result(String owner, UUID labProjectId, Purpose purpose) {
        projects.project(owner, labProjectId);
        return runs.get(labProjectId, purpose);
    }

    private void submit(String owner, UUID labProjectId, Project source, Purpose purpose, LabRecipe recipe,
                        Runnable then) {
        ModelKind kind = source.modelKind();
        training.submit(new TrainingRequest(owner, source.id(), purpose, settings, DataRecipe.FAIR,
                TrainConfig.Keep.LAST_EPOCH, (model, report) -> {
                    runs.put(labProjectId, purpose, LabExperiment.SKEWED_COLLECTION,
                            BiasLabService.whole(embeddings, kind, model), report,
                            judge(owner, labProjectId, kind, model, report), recipe);
                    try {
                        then.run();
                    } catch (ProjectRuleException e) {
                        log.info("The skewed collection of project {} could not start: {}", labProjectId, e.messageKey());
                    }
                }));
    }

    private TestResult judge(String owner, UUID labProjectId, ModelKind kind, Model model, TrainingReport report) {
        return TestJudge.judge(model, kind, report.classNames(), projects.data(owner, labProjectId), embeddings,
                JUDGE_THREADS);
    }
}
