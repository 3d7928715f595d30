package org.teachbox.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.samples.SampleProjects;

/** The training job end to end on a generated project: events, report, store, guards. */
@SpringBootTest(properties = {"teachbox.data-dir=target/test-data/training-${random.uuid}",
        "teachbox.training.max-cost=50000"})
class TrainingServiceTest {

    @Autowired
    TrainingService training;
    @Autowired
    ModelStore models;
    @Autowired
    ProjectService projects;
    @Autowired
    SampleProjects samples;

    private final String owner = UUID.randomUUID().toString();

    @Test
    void trainsAProjectPublishesProgressAndStoresAReport() throws Exception {
        Project p = samples.shapes(owner, "Shapes");
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        CompletableFuture<TrainingReport> done = new CompletableFuture<>();
        Runnable stop = training.subscribe(p.id(), e -> {
            events.add(e);
            if (e instanceof TrainingEvent.Finished f) {
                done.complete(f.report());
            } else if (e instanceof TrainingEvent.Failed f) {
                done.completeExceptionally(new AssertionError(f.messageKey()));
            }
        });
        training.train(owner, p.id(), new TrainingSettings(6, 16, 0.001, OptimizerChoice.ADAM));
        TrainingReport report = done.get(3, TimeUnit.MINUTES);
        stop.run();

        assertThat(events.getFirst()).isInstanceOf(TrainingEvent.Queued.class);
        assertThat(events).filteredOn(e -> e instanceof TrainingEvent.Epoch).hasSize(6);
        assertThat(events).anyMatch(e -> e instanceof TrainingEvent.Step);
        assertThat(report.status()).isEqualTo(TrainingReport.COMPLETED);
        assertThat(report.history()).hasSize(6);
        // 60 images per class: ceil(0.15 · 60) = 9 validate, 51 train
        assertThat(report.split()).allSatisfy(s -> {
            assertThat(s.validation()).isEqualTo(9);
            assertThat(s.train()).isEqualTo(51);
        });
        assertThat(report.validation()).hasSize(27);
        int counted = 0;
        for (int[] row : report.confusion()) {
            for (int n : row) {
                counted += n;
            }
        }
        assertThat(counted).isEqualTo(27);
        assertThat(report.layers()).isNotEmpty();
        assertThat(models.load(owner, p.id())).isPresent();
        assertThat(models.isOutOfDate(owner, p.id())).isFalse();
    }

    @Test
    void confusionCellDrillDownReturnsExactlyTheImagesCounted() throws Exception {
        Project p = samples.shapes(owner, "Drill");
        TrainingReport report = trainAndWait(p.id(), 3);
        int k = report.classNames().size();
        for (int a = 0; a < k; a++) {
            for (int q = 0; q < k; q++) {
                List<TrainingReport.ValidationItem> cell = report.cell(a, q);
                assertThat(cell).hasSize(report.confusion()[a][q]);
                int actual = a;
                int predicted = q;
                assertThat(cell).allMatch(v -> v.actual() == actual && v.predicted() == predicted);
            }
        }
    }

    @Test
    void refusesASingleClassOrAClassWithTooFewImages() {
        Project p = projects.create(owner, "Tiny", ModelKind.IMAGE, List.of("only"));
        assertThatThrownBy(() -> training.train(owner, p.id(), TrainingSettings.defaults()))
                .isInstanceOf(ProjectRuleException.class).hasMessage("train.error.one-class");
        Project two = projects.create(owner, "Two", ModelKind.IMAGE, List.of("a", "b"));
        UUID a = projects.classes(owner, two.id()).get(0).id();
        projects.addSample(owner, a, new byte[] {1}, "image/jpeg");
        assertThatThrownBy(() -> training.train(owner, two.id(), TrainingSettings.defaults()))
                .isInstanceOf(ProjectRuleException.class).hasMessage("train.error.too-few");
    }

    @Test
    void aDataChangeMarksTheModelOutOfDate() throws Exception {
        Project p = samples.shapes(owner, "Stale");
        trainAndWait(p.id(), 2);
        assertThat(models.isOutOfDate(owner, p.id())).isFalse();
        UUID first = projects.classes(owner, p.id()).get(0).id();
        projects.deleteSample(owner, projects.recentSampleIds(owner, first, 1).get(0));
        assertThat(models.isOutOfDate(owner, p.id())).isTrue();
    }

    @Test
    void aJobOverTheCostBudgetIsRefusedWithTheEpochsThatWouldFit() {
        Project p = samples.shapes(owner, "Too much");
        // 3 classes x 60 pictures = 180 pictures; at 500 epochs that is 90,000 > this test's 50,000
        assertThatThrownBy(() -> training.train(owner, p.id(), new TrainingSettings(500, 16, 0.001, OptimizerChoice.ADAM)))
                .isInstanceOf(ProjectRuleException.class).hasMessage("train.error.too-costly")
                .satisfies(e -> assertThat(((ProjectRuleException) e).messageArgs()).containsExactly(180L, 500, 277L));
        assertThat(training.active(p.id(), Purpose.PROJECT)).isEmpty();
    }

    @Test
    void deletingAProjectStopsItsTraining() throws Exception {
        Project p = samples.shapes(owner, "Gone");
        CompletableFuture<TrainingEvent> end = new CompletableFuture<>();
        CompletableFuture<Void> firstEpoch = new CompletableFuture<>();
        Runnable stop = training.subscribe(p.id(), e -> {
            if (e instanceof TrainingEvent.Epoch) {
                firstEpoch.complete(null);
            }
            if (e instanceof TrainingEvent.Finished || e instanceof TrainingEvent.Failed) {
                end.complete(e);
            }
        });
        training.train(owner, p.id(), new TrainingSettings(250, 16, 0.001, OptimizerChoice.ADAM));
        firstEpoch.get(3, TimeUnit.MINUTES);
        projects.deleteProject(owner, p.id());
        TrainingEvent last = end.get(1, TimeUnit.MINUTES);
        stop.run();
        assertThat(last).isInstanceOfSatisfying(TrainingEvent.Finished.class,
                f -> assertThat(f.report().status()).isEqualTo(TrainingReport.CANCELLED));
        for (int i = 0; i < 50 && training.active(p.id(), Purpose.PROJECT).isPresent(); i++) {
            Thread.sleep(100); // the worker frees the slot just after its last event
        }
        assertThat(training.active(p.id(), Purpose.PROJECT)).isEmpty();
    }

    @Test
    void aHugeLearningRateEndsAsDivergedAndKeepsNoModel() throws Exception {
        Project p = samples.shapes(owner, "Wild");
        TrainingReport report = trainAndWait(p.id(), new TrainingSettings(10, 16, 1000, OptimizerChoice.SGD));
        assertThat(report.status()).isEqualTo(TrainingReport.DIVERGED);
        assertThat(models.load(owner, p.id())).isEmpty();
    }

    private TrainingReport trainAndWait(UUID projectId, int epochs) throws Exception {
        return trainAndWait(projectId, new TrainingSettings(epochs, 16, 0.001, OptimizerChoice.ADAM));
    }

    private TrainingReport trainAndWait(UUID projectId, TrainingSettings settings) throws Exception {
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
