package org.teachbox.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.teachbox.prediction.PredictionService;
import org.teachbox.pretrained.TestBackbones;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectService;
import org.teachbox.samples.SampleProjects;
import org.teachbox.samples.SampleSets;

/**
 * The default photo kind end to end: pictures become stored embeddings, the head trains on them,
 * and prediction and saliency run through the whole network. With Teachable Machine's real
 * backbone it must also name unseen shapes; on the random-weight stand-in only the plumbing counts.
 */
@SpringBootTest(properties = "teachbox.data-dir=target/test-data/pretrained-${random.uuid}")
class PretrainedTrainingTest {

    @Autowired
    TrainingService training;
    @Autowired
    ModelStore models;
    @Autowired
    ProjectService projects;
    @Autowired
    SampleProjects samples;
    @Autowired
    PredictionService predictions;

    private final String owner = UUID.randomUUID().toString();

    @Test
    void learnsShapesFromTheirEmbeddingsAndRetrainsWithoutReadingThePicturesAgain() throws Exception {
        Project p = samples.create(owner, "Shapes, pretrained", ModelKind.PRETRAINED, SampleSets.shapes(20, 5), n -> n);
        List<TrainingEvent> first = new CopyOnWriteArrayList<>();
        TrainingReport report = trainAndWait(p.id(), first);

        assertThat(report.status()).isEqualTo(TrainingReport.COMPLETED);
        // the pictures the background reader had not reached yet went through the backbone here,
        // reported as they went, up to the last one
        List<TrainingEvent.Preparing> preparing = first.stream().filter(TrainingEvent.Preparing.class::isInstance)
                .map(TrainingEvent.Preparing.class::cast).toList();
        assertThat(preparing).isNotEmpty();
        assertThat(preparing.getLast().done()).isEqualTo(preparing.getLast().total()).isLessThanOrEqualTo(60);
        if (TestBackbones.hasReal()) {
            assertThat(report.validationAccuracy()).as("validation accuracy").isGreaterThanOrEqualTo(0.8);
        } else {
            // random backbone weights tell shapes apart poorly; the head must still fit what it was shown
            assertThat(report.history().getLast().trainAccuracy()).as("training accuracy, random backbone")
                    .isGreaterThan(report.history().getFirst().trainAccuracy());
        }
        // the summary names the frozen backbone apart from the trained head
        assertThat(report.layers()).anyMatch(TrainingReport.LayerRow::frozen);
        assertThat(report.layers().stream().filter(TrainingReport.LayerRow::frozen)
                .mapToLong(TrainingReport.LayerRow::parameters).sum()).isEqualTo(410_208);
        assertThat(report.parameters()).isEqualTo(1280L * 100 + 100 + 100L * 3 + 3);

        List<TrainingEvent> second = new CopyOnWriteArrayList<>();
        TrainingReport again = trainAndWait(p.id(), second);
        assertThat(second).filteredOn(TrainingEvent.Preparing.class::isInstance)
                .map(TrainingEvent.Preparing.class::cast)
                .allSatisfy(e -> assertThat(e.total()).as("pictures read again").isZero());
        assertThat(again.history()).extracting(TrainingReport.EpochRow::trainLoss)
                .as("same stored numbers, same seed: the same curve")
                .containsExactlyElementsOf(report.history().stream().map(TrainingReport.EpochRow::trainLoss).toList());

        UUID sample = report.validation().get(0).sampleId();
        byte[] stored = projects.sample(owner, sample).image();
        var prediction = predictions.predict(owner, p.id(), "probe.jpg", stored).orElseThrow();
        assertThat(prediction.probabilities()).hasSize(3);
        assertThat(prediction.best()).isEqualTo(report.validation().get(0).predicted());
        var heat = predictions.saliency(owner, p.id(), stored).orElseThrow();
        assertThat(heat.side()).isEqualTo(224);
        assertThat(heat.values()).hasSize(224 * 224);
        float max = 0;
        for (float v : heat.values()) {
            max = Math.max(max, v);
        }
        assertThat(max).as("some patch mattered").isEqualTo(1f);
    }

    private TrainingReport trainAndWait(UUID projectId, List<TrainingEvent> events) throws Exception {
        CompletableFuture<TrainingReport> done = new CompletableFuture<>();
        Runnable stop = training.subscribe(projectId, e -> {
            events.add(e);
            if (e instanceof TrainingEvent.Finished f) {
                done.complete(f.report());
            } else if (e instanceof TrainingEvent.Failed f) {
                done.completeExceptionally(new AssertionError(f.messageKey()));
            }
        });
        try {
            training.train(owner, projectId, new TrainingSettings(20, 16, 0.001, OptimizerChoice.ADAM));
            return done.get(3, TimeUnit.MINUTES);
        } finally {
            stop.run();
        }
    }
}
