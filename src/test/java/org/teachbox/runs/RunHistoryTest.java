package org.teachbox.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.teachbox.prediction.PredictionService;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.samples.SampleProjects;
import org.teachbox.training.ModelStore;
import org.teachbox.training.OptimizerChoice;
import org.teachbox.training.TrainingEvent;
import org.teachbox.training.TrainingReport;
import org.teachbox.training.TrainingService;
import org.teachbox.training.TrainingSettings;

/**
 * Real trainings on a generated shapes project become kept runs: listed with their settings and
 * curves, named, deleted, brought back as the current model, limited per project by config.
 */
@SpringBootTest(properties = {"teachbox.data-dir=target/test-data/runs-${random.uuid}",
        "teachbox.runs.max-per-project=3"})
class RunHistoryTest {

    @Autowired
    TrainingService training;
    @Autowired
    RunHistory runs;
    @Autowired
    ModelStore models;
    @Autowired
    ProjectService projects;
    @Autowired
    SampleProjects samples;
    @Autowired
    PredictionService predictions;
    @Autowired
    JdbcClient jdbc;

    private final String owner = UUID.randomUUID().toString();

    @Test
    void aFinishedTrainingIsKeptWithSettingsCurvesAndModelAndIsTheCurrentRun() throws Exception {
        Project p = samples.shapes(owner, "Kept");
        TrainingReport report = train(p.id(), new TrainingSettings(3, 16, 0.002, OptimizerChoice.ADAM));

        List<Run> kept = runs.list(owner, p.id());
        assertThat(kept).hasSize(1);
        Run run = kept.getFirst();
        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(run.number()).isEqualTo(1);
        assertThat(run.hasModel()).isTrue();
        assertThat(run.augmented()).isTrue();
        assertThat(run.settings()).isEqualTo(new TrainingSettings(3, 16, 0.002, OptimizerChoice.ADAM));
        assertThat(run.report().history()).hasSize(3).isEqualTo(report.history());
        assertThat(run.report().confusion()).isDeepEqualTo(report.confusion());
        assertThat(run.report().perClassAccuracy()).hasSize(3);
        assertThat(run.report().durationMillis()).isPositive();
        assertThat(run.dataVersion()).isEqualTo(projects.project(owner, p.id()).dataVersion());
        assertThat(runs.currentRunId(owner, p.id())).contains(run.id());
    }

    @Test
    void aRunThatBlewUpIsKeptWithoutAModelAndAsksForASmallerLearningRate() throws Exception {
        Project p = samples.shapes(owner, "Wild");
        train(p.id(), new TrainingSettings(5, 16, 1000, OptimizerChoice.SGD));

        Run run = runs.list(owner, p.id()).getFirst();
        assertThat(run.status()).isEqualTo(RunStatus.DIVERGED);
        assertThat(run.hasModel()).isFalse();
        assertThat(run.canBecomeCurrent()).isFalse();
        assertThat(CurveReading.suggestsSmallerLearningRate(run.report())).isTrue();
        assertThat(runs.currentRunId(owner, p.id())).isEmpty();
        assertThatThrownBy(() -> runs.makeCurrent(owner, p.id(), run.id()))
                .isInstanceOf(ProjectRuleException.class).hasMessage("runs.error.no-model");
    }

    @Test
    void makingAnEarlierRunCurrentBringsBackExactlyItsModelForPreview() throws Exception {
        Project p = samples.shapes(owner, "Back");
        byte[] probe = probe(p);
        train(p.id(), new TrainingSettings(2, 16, 0.001, OptimizerChoice.ADAM));
        float[] first = predictions.predict(owner, p.id(), "probe.png", probe).orElseThrow().probabilities();
        train(p.id(), new TrainingSettings(2, 16, 0.01, OptimizerChoice.ADAM));
        float[] second = predictions.predict(owner, p.id(), "probe.png", probe).orElseThrow().probabilities();
        assertThat(second).as("another learning rate, another model").isNotEqualTo(first);

        Run earlier = runs.list(owner, p.id()).getFirst();
        assertThat(earlier.settings().learningRate()).isEqualTo(0.001);
        runs.makeCurrent(owner, p.id(), earlier.id());

        assertThat(runs.currentRunId(owner, p.id())).contains(earlier.id());
        assertThat(models.load(owner, p.id())).get().satisfies(m -> {
            assertThat(m.report().settings().learningRate()).isEqualTo(0.001);
            assertThat(m.report().history()).isEqualTo(earlier.report().history());
        });
        assertThat(predictions.predict(owner, p.id(), "probe.png", probe).orElseThrow().probabilities())
                .containsExactly(first);
    }

    @Test
    void runsCanBeNamedAndDeletedButTheCurrentOneStays() throws Exception {
        Project p = samples.shapes(owner, "Names");
        train(p.id(), new TrainingSettings(1, 16, 0.001, OptimizerChoice.ADAM));
        train(p.id(), new TrainingSettings(1, 16, 0.1, OptimizerChoice.ADAM));
        List<Run> kept = runs.list(owner, p.id());
        Run old = kept.get(0);
        Run current = kept.get(1);

        runs.rename(owner, p.id(), old.id(), "  slow   and steady ");
        assertThat(runs.list(owner, p.id()).getFirst().name()).isEqualTo("slow and steady");
        assertThatThrownBy(() -> runs.rename(owner, p.id(), old.id(), "x".repeat(41)))
                .isInstanceOf(ProjectRuleException.class).hasMessage("rule.name.too-long");
        runs.rename(owner, p.id(), old.id(), " ");
        assertThat(runs.list(owner, p.id()).getFirst().hasName()).isFalse();

        assertThatThrownBy(() -> runs.delete(owner, p.id(), current.id()))
                .isInstanceOf(ProjectRuleException.class).hasMessage("runs.error.delete-current");
        runs.delete(owner, p.id(), old.id());
        assertThat(runs.list(owner, p.id())).extracting(Run::id).containsExactly(current.id());
        assertThat(models.load(owner, p.id())).isPresent();
    }

    @Test
    void anotherLearnerCannotSeeOrChangeMyRuns() throws Exception {
        Project p = samples.shapes(owner, "Mine");
        train(p.id(), new TrainingSettings(1, 16, 0.001, OptimizerChoice.ADAM));
        UUID run = runs.list(owner, p.id()).getFirst().id();
        String stranger = UUID.randomUUID().toString();
        assertThatThrownBy(() -> runs.list(stranger, p.id())).isInstanceOf(ProjectRuleException.class);
        assertThatThrownBy(() -> runs.rename(stranger, p.id(), run, "mine now")).isInstanceOf(ProjectRuleException.class);
        assertThatThrownBy(() -> runs.delete(stranger, p.id(), run)).isInstanceOf(ProjectRuleException.class);
        assertThat(runs.list(owner, p.id())).hasSize(1);
    }

    @Test
    void theConfiguredLimitDropsTheOldestUnnamedRunFirstAndDeletingTheProjectDropsAll() throws Exception {
        Project p = samples.shapes(owner, "Limit");
        train(p.id(), new TrainingSettings(1, 16, 0.001, OptimizerChoice.ADAM));
        runs.rename(owner, p.id(), runs.list(owner, p.id()).getFirst().id(), "first try");
        for (int i = 0; i < 3; i++) {
            train(p.id(), new TrainingSettings(1, 16, 0.001, OptimizerChoice.ADAM));
        }
        // max 3: run 2 (oldest unnamed) went; the named run 1 stays
        assertThat(runs.list(owner, p.id())).extracting(Run::number).containsExactly(1, 3, 4);
        train(p.id(), new TrainingSettings(1, 16, 0.001, OptimizerChoice.ADAM));
        assertThat(runs.list(owner, p.id())).extracting(Run::number).containsExactly(1, 4, 5);

        projects.deleteProject(owner, p.id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM training_run WHERE project_id = ?").param(p.id())
                .query(Integer.class).single()).isZero();
    }

    private byte[] probe(Project p) {
        UUID firstClass = projects.classes(owner, p.id()).getFirst().id();
        return projects.sample(owner, projects.recentSampleIds(owner, firstClass, 1).getFirst()).image();
    }

    private TrainingReport train(UUID projectId, TrainingSettings settings) throws Exception {
        CompletableFuture<TrainingReport> done = new CompletableFuture<>();
        Runnable stop = training.subscribe(projectId, e -> {
            if (e instanceof TrainingEvent.Finished f) {
                done.complete(f.report());
            } else if (e instanceof TrainingEvent.Failed f) {
                done.completeExceptionally(new AssertionError(f.messageKey()));
            }
        });
        try {
            training.train(owner, projectId, settings);
            return done.get(3, TimeUnit.MINUTES);
        } finally {
            stop.run();
        }
    }
}
