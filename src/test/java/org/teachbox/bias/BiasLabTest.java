package org.teachbox.bias;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.teachbox.project.Project;
import org.teachbox.samples.SampleProjects;
import org.teachbox.training.Purpose;
import org.teachbox.training.TrainingEvent;
import org.teachbox.training.TrainingReport;
import org.teachbox.training.TrainingService;

/**
 * The lab's lessons, measured on the built-in lesson data with the lab's own settings: a class cut
 * to 10% gets predicted less and a class-weighted loss gives much of that back; a sticker on one
 * class costs accuracy on clean images and draws the biased model's attention.
 */
@SpringBootTest(properties = "teachbox.data-dir=target/test-data/bias-${random.uuid}")
class BiasLabTest {

    @Autowired
    BiasLabService lab;
    @Autowired
    TrainingService training;
    @Autowired
    SampleProjects samples;
    @Autowired
    org.teachbox.project.ProjectService projects;

    @Test
    void aDeletedProjectsLabLeavesMemory() {
        Project p = samples.digits(owner, "Deleted soon");
        lab.trainFair(owner, p.id());
        int before = lab.labsInMemory();

        projects.deleteProject(owner, p.id());

        assertThat(lab.labsInMemory()).isEqualTo(before - 1);
    }

    private final String owner = UUID.randomUUID().toString();

    /** The lesson's default experiment: "square" cut to 10%, then the default fix, oversampling. */
    @Test
    void theLessonsCutHidesAClassAndOversamplingBringsItBack() throws Exception {
        int cut = 1;
        Project p = samples.biasDemo(owner, "Imbalance");
        await(p.id(), Purpose.BIAS_FAIR, () -> lab.trainFair(owner, p.id()));
        await(p.id(), Purpose.BIAS_SKEWED, () -> lab.trainSkewed(owner, p.id(), Experiment.imbalance(cut, 0.10)));
        await(p.id(), Purpose.BIAS_MITIGATED, () -> lab.trainMitigated(owner, p.id(), Mitigation.OVERSAMPLING));
        RunSummary oversampled = summary(p.id(), Purpose.BIAS_MITIGATED);
        await(p.id(), Purpose.BIAS_MITIGATED, () -> lab.trainMitigated(owner, p.id(), Mitigation.CLASS_WEIGHTS));
        RunSummary weighted = summary(p.id(), Purpose.BIAS_MITIGATED);

        RunSummary fair = summary(p.id(), Purpose.BIAS_FAIR);
        RunSummary skewed = summary(p.id(), Purpose.BIAS_SKEWED);
        String numbers = "fair " + describe(fair) + " / skewed " + describe(skewed) + " / oversampled "
                + describe(oversampled) + " / weighted " + describe(weighted);
        System.out.println("BIASLAB imbalance " + numbers);
        assertThat(skewed.trueShare()).containsExactly(fair.trueShare());
        assertThat(skewed.predictedShare()[cut]).as(numbers).isLessThan(fair.predictedShare()[cut]);
        assertThat(skewed.predictedShare()[cut]).as(numbers).isLessThan(skewed.trueShare()[cut] - Conclusion.NOTICEABLE);
        assertThat(skewed.perClassAccuracy()[cut]).as(numbers).isLessThan(fair.perClassAccuracy()[cut]);
        assertThat(Conclusion.mitigationHelped(skewed, oversampled, cut)).as(numbers).isTrue();
        assertThat(Conclusion.imbalance(fair, skewed, oversampled, cut, "oversampling"))
                .extracting(Conclusion.Line::key).contains("bias.conclusion.cut", "bias.conclusion.mitigated");
        // Class weights are judged, not promised: single runs vary (ImbalanceMitigationTest averages).
        assertThat(Conclusion.imbalance(fair, skewed, weighted, cut, "class weights"))
                .extracting(Conclusion.Line::key)
                .contains(Conclusion.mitigationHelped(skewed, weighted, cut)
                        ? "bias.conclusion.mitigated" : "bias.conclusion.mitigation-weak");
    }

    @Test
    void aShortcutCostsAccuracyOnCleanImagesAndSaliencyFindsTheSticker() throws Exception {
        Project p = samples.biasDemo(owner, "Shortcut");
        await(p.id(), Purpose.BIAS_FAIR, () -> lab.trainFair(owner, p.id()));
        await(p.id(), Purpose.BIAS_SKEWED, () -> lab.trainSkewed(owner, p.id(),
                Experiment.shortcut(0, Cue.CORNER_PATCH, false)));

        LabResult fair = lab.result(owner, p.id(), Purpose.BIAS_FAIR).orElseThrow();
        LabResult skewed = lab.result(owner, p.id(), Purpose.BIAS_SKEWED).orElseThrow();
        assertThat(skewed.summary().accuracy()).as("fair " + describe(fair.summary()) + " / skewed "
                + describe(skewed.summary())).isLessThan(fair.summary().accuracy());

        double fairMass = 0;
        double skewedMass = 0;
        int side = fair.model().inputShape().w();
        for (TrainingReport.ValidationItem item : skewed.report().validation()) {
            if (item.actual() == 0) {
                continue;
            }
            float[] image = lab.labImage(owner, p.id(), item.sampleId(), true);
            fairMass += cueShare(BiasLabService.saliency(fair.model(), p.modelKind(), image), side);
            skewedMass += cueShare(BiasLabService.saliency(skewed.model(), p.modelKind(), image), side);
        }
        System.out.printf("BIASLAB shortcut fair %s / skewed %s; saliency on the sticker fair %.3f vs skewed %.3f%n",
                describe(fair.summary()), describe(skewed.summary()), fairMass, skewedMass);
        assertThat(skewedMass).as("share of saliency on the sticker, fair %.3f vs skewed %.3f", fairMass, skewedMass)
                .isGreaterThan(fairMass);
    }

    private static String describe(RunSummary run) {
        return String.format("accuracy %.2f, predicted shares %s", run.accuracy(), java.util.Arrays.toString(run.predictedShare()));
    }

    private static double cueShare(float[] heat, int side) {
        double inside = 0;
        double total = 1e-9;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                total += heat[y * side + x];
                if (Cue.CORNER_PATCH.inRegion(x, y, side)) {
                    inside += heat[y * side + x];
                }
            }
        }
        return inside / total;
    }

    private RunSummary summary(UUID projectId, Purpose purpose) {
        return lab.result(owner, projectId, purpose).orElseThrow().summary();
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
