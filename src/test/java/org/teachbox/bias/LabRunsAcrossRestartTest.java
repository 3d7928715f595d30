package org.teachbox.bias;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.teachbox.TeachboxApplication;
import org.teachbox.project.ImageClass;
import org.teachbox.project.ProjectService;
import org.teachbox.project.Shelf;
import org.teachbox.samples.SampleProjects;
import org.teachbox.training.Purpose;
import org.teachbox.training.TrainingEvent;
import org.teachbox.training.TrainingService;

/**
 * A teacher restarts the server after the bias lesson: the lab's fair and skewed runs, and a
 * skewed-collection comparison judged on the lab project's test pictures, come back with their
 * numbers (their models do not: heat maps need the run again).
 */
class LabRunsAcrossRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void labRunsAndTheirJudgementOnTestPicturesSurviveARestart() throws Exception {
        String owner = UUID.randomUUID().toString();
        UUID labId;
        UUID skewedId;
        LabResult fairBefore;
        LabResult skewedBefore;
        LabResult collectionBefore;
        try (ConfigurableApplicationContext first = start()) {
            SampleProjects samples = first.getBean(SampleProjects.class);
            labId = samples.shapes(owner, "Lab").id();
            UUID fairId = samples.shapes(owner, "Fair").id();
            skewedId = samples.shapes(owner, "Skewed").id();
            addTestPictures(first.getBean(ProjectService.class), owner, labId);
            BiasLabService lab = first.getBean(BiasLabService.class);
            SkewedCollection collection = first.getBean(SkewedCollection.class);
            await(first, labId, Purpose.BIAS_FAIR, () -> lab.trainFair(owner, labId));
            await(first, labId, Purpose.BIAS_SKEWED, () -> lab.trainSkewed(owner, labId,
                    Experiment.shortcut(0, Cue.CORNER_PATCH, false)));
            await(first, skewedId, Purpose.BIAS_COLLECTION_SKEWED, () -> collection.train(owner, labId, fairId, skewedId));

            fairBefore = lab.result(owner, labId, Purpose.BIAS_FAIR).orElseThrow();
            skewedBefore = lab.result(owner, labId, Purpose.BIAS_SKEWED).orElseThrow();
            collectionBefore = collection.result(owner, labId, Purpose.BIAS_COLLECTION_SKEWED).orElseThrow();
            assertThat(fairBefore.hasModel()).isTrue();
            assertThat(fairBefore.test().count()).as("every lab run is judged on the test pictures").isEqualTo(6);
            assertThat(collectionBefore.test().count()).as("judged on the lab project's test pictures").isEqualTo(6);
            assertThat(collection.result(owner, labId, Purpose.BIAS_COLLECTION_FAIR)).isPresent();
        }
        try (ConfigurableApplicationContext second = start()) {
            BiasLabService lab = second.getBean(BiasLabService.class);
            LabResult fair = lab.result(owner, labId, Purpose.BIAS_FAIR).orElseThrow();
            LabResult skewed = lab.result(owner, labId, Purpose.BIAS_SKEWED).orElseThrow();
            assertThat(fair.hasModel()).isFalse();
            assertThat(fair.report().history()).isEqualTo(fairBefore.report().history());
            assertThat(fair.test().pictures()).isEqualTo(fairBefore.test().pictures());
            assertThat(skewed.report().confusion()).isDeepEqualTo(skewedBefore.report().confusion());
            assertThat(lab.experiment(labId)).contains(Experiment.shortcut(0, Cue.CORNER_PATCH, false));

            LabResult collection = second.getBean(SkewedCollection.class)
                    .result(owner, labId, Purpose.BIAS_COLLECTION_SKEWED).orElseThrow();
            assertThat(collection.test().confusion()).isDeepEqualTo(collectionBefore.test().confusion());
            assertThat(collection.recipe().skewedProjectId()).isEqualTo(skewedId);
            assertThat(collection.recipe().skewedProjectName()).isEqualTo("Skewed");

            second.getBean(ProjectService.class).deleteProject(owner, labId);
            assertThat(second.getBean(LabRunRepository.class).list(labId)).isEmpty();
        }
    }

    /** Two test pictures per class, taken from another shapes project's training pictures. */
    private static void addTestPictures(ProjectService projects, String owner, UUID projectId) {
        List<ImageClass> classes = projects.classes(owner, projectId);
        for (ImageClass c : classes) {
            for (UUID id : projects.recentSampleIds(owner, c.id(), 2)) {
                projects.addSample(owner, c.id(), projects.sample(owner, id).image(), "image/jpeg", Shelf.TEST);
            }
        }
    }

    private static void await(ConfigurableApplicationContext app, UUID projectId, Purpose purpose, Runnable start)
            throws Exception {
        TrainingService training = app.getBean(TrainingService.class);
        CompletableFuture<Object> done = new CompletableFuture<>();
        Runnable stop = training.subscribe(projectId, e -> {
            if (e.purpose() == purpose && (e instanceof TrainingEvent.Finished || e instanceof TrainingEvent.Failed)) {
                done.complete(e);
            }
        });
        try {
            start.run();
            assertThat(done.get(3, TimeUnit.MINUTES)).isInstanceOf(TrainingEvent.Finished.class);
        } finally {
            stop.run();
        }
    }

    private ConfigurableApplicationContext start() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--teachbox.bias.epochs=2",
                "--teachbox.data-dir=" + dataDir.toAbsolutePath()));
        arguments.addAll(List.of(databaseArguments()));
        return new SpringApplicationBuilder(TeachboxApplication.class).run(arguments.toArray(String[]::new));
    }

    /** More arguments for both starts; the PostgreSQL run points them at its own schema. */
    String[] databaseArguments() {
        return new String[0];
    }
}
