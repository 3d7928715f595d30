package org.teachbox.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.runs.CurveReading;
import org.teachbox.samples.SampleProjects;
import org.teachbox.samples.SampleSets;

/**
 * The lectures' learning-rate exercise: learning rates 1 and 10, with Adam and with plain SGD, on
 * the small network and on the pretrained kind, each end with the "learning rate too big" reading
 * the Train page turns into its hint; the defaults never do.
 */
@SpringBootTest(properties = "teachbox.data-dir=target/test-data/lr-hint-${random.uuid}")
class LearningRateHintTest {

    @Autowired
    TrainingService training;
    @Autowired
    SampleProjects samples;

    @ParameterizedTest(name = "{0} {1} lr {2}")
    @CsvSource({
        "IMAGE, ADAM, 1", "IMAGE, ADAM, 10", "IMAGE, SGD, 1", "IMAGE, SGD, 10",
        "PRETRAINED, ADAM, 1", "PRETRAINED, ADAM, 10", "PRETRAINED, SGD, 1", "PRETRAINED, SGD, 10",
        "IMAGE, ADAM, 0.001", "PRETRAINED, ADAM, 0.001",
    })
    void aFarTooBigLearningRateIsReadAsOneAndTheDefaultIsNot(ModelKind kind, OptimizerChoice optimizer, double rate)
            throws Exception {
        String owner = UUID.randomUUID().toString();
        Project p = samples.create(owner, "Shapes", kind, SampleSets.shapes(20, 5), n -> n);
        TrainingReport report = trainAndWait(owner, p, new TrainingSettings(20, 16, rate, optimizer));
        CurveReading.StepSign sign = CurveReading.stepSign(report);
        System.out.printf("LRHINT %s %s lr=%s -> %s, status %s, val acc %.2f, train losses %s%n", kind, optimizer,
                rate, sign, report.status(), report.validationAccuracy(),
                report.history().stream().map(r -> String.format("%.3g", r.trainLoss())).toList());
        if (rate == 0.001) {
            assertThat(sign).isEqualTo(CurveReading.StepSign.NONE);
        } else {
            assertThat(sign).isNotEqualTo(CurveReading.StepSign.NONE);
        }
    }

    private TrainingReport trainAndWait(String owner, Project p, TrainingSettings settings) throws Exception {
        CompletableFuture<TrainingReport> done = new CompletableFuture<>();
        Runnable stop = training.subscribe(p.id(), e -> {
            if (e instanceof TrainingEvent.Finished f) {
                done.complete(f.report());
            } else if (e instanceof TrainingEvent.Failed f) {
                done.completeExceptionally(new AssertionError(f.messageKey()));
            }
        });
        try {
            training.train(owner, p.id(), settings);
            return done.get(5, TimeUnit.MINUTES);
        } finally {
            stop.run();
        }
    }
}
