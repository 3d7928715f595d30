package org.teachbox.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.teachbox.project.Project;
import org.teachbox.samples.SampleProjects;

/** One training may not hold a worker for the whole lesson: past its time it stops and says why. */
@SpringBootTest(properties = {"teachbox.data-dir=target/test-data/time-limit-${random.uuid}",
        "teachbox.training.max-time=2s"})
class TrainingTimeLimitTest {

    @Autowired
    TrainingService training;
    @Autowired
    ModelStore models;
    @Autowired
    SampleProjects samples;

    @Test
    void aTrainingPastTheTimeLimitIsStoppedWithItsOwnMessageAndKeepsNoModel() throws Exception {
        String owner = UUID.randomUUID().toString();
        Project p = samples.shapes(owner, "Long");
        CompletableFuture<TrainingEvent> end = new CompletableFuture<>();
        Runnable stop = training.subscribe(p.id(), e -> {
            if (e instanceof TrainingEvent.Finished || e instanceof TrainingEvent.Failed) {
                end.complete(e);
            }
        });
        long started = System.nanoTime();
        training.train(owner, p.id(), new TrainingSettings(400, 16, 0.001, OptimizerChoice.ADAM));
        TrainingEvent last = end.get(2, TimeUnit.MINUTES);
        stop.run();

        assertThat(last).isInstanceOfSatisfying(TrainingEvent.Failed.class,
                f -> assertThat(f.messageKey()).isEqualTo("train.error.too-long"));
        assertThat((System.nanoTime() - started) / 1e9).as("seconds until it stopped").isLessThan(60);
        assertThat(models.load(owner, p.id())).isEmpty();
    }
}
