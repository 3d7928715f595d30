package org.teachbox.bias;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.teachbox.pretrained.Embeddings;
import org.teachbox.project.ImageClass;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectData;
import org.teachbox.project.ProjectService;
import org.teachbox.project.SampleImage;
import org.teachbox.project.Shelf;
import org.teachbox.samples.SampleProjects;
import org.teachbox.samples.SampleSets;
import org.teachbox.training.ModelInput;
import org.teachbox.training.Purpose;
import org.teachbox.training.TrainingEvent;
import org.teachbox.training.TrainingService;

/**
 * The lab on a pretrained photo project: the sticker is painted on the pixels before the backbone
 * reads them, the stickered embeddings are used for the run but never stored as the picture's own,
 * every run is judged on the project's test pictures, and the heat map looks through the backbone.
 */
@SpringBootTest(properties = {"teachbox.data-dir=target/test-data/bias-pretrained-${random.uuid}",
        "teachbox.bias.epochs=10"})
class PretrainedLabTest {

    @Autowired
    BiasLabService lab;
    @Autowired
    TrainingService training;
    @Autowired
    SampleProjects samples;
    @Autowired
    ProjectService projects;
    @Autowired
    Embeddings embeddings;

    private final String owner = UUID.randomUUID().toString();

    @Test
    void aShortcutOnAPretrainedProjectStampsPixelsAndKeepsTheRealEmbeddings() throws Exception {
        Project p = samples.create(owner, "Pretrained lab", ModelKind.PRETRAINED,
                SampleSets.circlesAndSquares(12, 21, false), UnaryOperator.identity());
        assertThat(p.modelKind()).as("the backbone is there for tests").isEqualTo(ModelKind.PRETRAINED);
        List<ImageClass> classes = projects.classes(owner, p.id());
        var tests = SampleSets.circlesAndSquares(3, 22, false).classes();
        for (int c = 0; c < classes.size(); c++) {
            for (var image : tests.get(c).images()) {
                java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
                javax.imageio.ImageIO.write(image, "png", png);
                projects.addSample(owner, classes.get(c).id(), png.toByteArray(), "image/png", Shelf.TEST);
            }
        }

        await(p.id(), Purpose.BIAS_FAIR, () -> lab.trainFair(owner, p.id()));
        await(p.id(), Purpose.BIAS_SKEWED, () -> lab.trainSkewed(owner, p.id(), Experiment.shortcut(0, Cue.CORNER_PATCH, true)));

        LabResult skewed = lab.result(owner, p.id(), Purpose.BIAS_SKEWED).orElseThrow();
        assertThat(skewed.test().count()).as("judged on the test pictures").isEqualTo(6);
        assertThat(lab.result(owner, p.id(), Purpose.BIAS_FAIR).orElseThrow().test().count()).isEqualTo(6);

        ProjectData data = projects.data(owner, p.id());
        List<SampleImage> circles = data.classes().getFirst().samples();
        float[][] stored = embeddings.of(circles, 2, (done, total) -> { }, () -> false);
        float[][] clean = embeddings.ofPictures(circles.stream()
                .map(s -> ModelInput.picture(ModelKind.PRETRAINED, s.image())).toList(), 2);
        for (int i = 0; i < circles.size(); i++) {
            assertThat(stored[i]).as("stored embedding of circle %d is the clean picture's", i)
                    .containsExactly(clean[i], org.assertj.core.data.Offset.offset(1e-4f));
        }

        UUID square = skewed.report().validation().stream().filter(v -> v.actual() == 1).findFirst().orElseThrow().sampleId();
        float[] stickered = lab.labImage(owner, p.id(), square, true);
        assertThat(stickered).hasSize(3 * 224 * 224);
        assertThat(BiasLabService.saliency(skewed.model(), ModelKind.PRETRAINED, stickered)).isNotEmpty();
    }

    private void await(UUID projectId, Purpose purpose, Runnable start) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable stop = training.subscribe(projectId, e -> {
            if (e.purpose() != purpose) {
                return;
            }
            if (e instanceof TrainingEvent.Finished) {
                done.complete(null);
            } else if (e instanceof TrainingEvent.Failed f) {
                done.completeExceptionally(new AssertionError(f.messageKey()));
            }
        });
        try {
            start.run();
            done.get(5, TimeUnit.MINUTES);
        } finally {
            stop.run();
        }
    }
}
