package org.teachbox.project;

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
import org.teachbox.prediction.PredictionService;
import org.teachbox.training.ModelStore;
import org.teachbox.training.OptimizerChoice;
import org.teachbox.training.TrainingEvent;
import org.teachbox.training.TrainingReport;
import org.teachbox.training.TrainingService;
import org.teachbox.training.TrainingSettings;

/** A teacher restarts the server: every project, class, image and trained model must come back. */
class PersistenceAcrossRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void projectsClassesAndImagesSurviveARestart() {
        String owner = UUID.randomUUID().toString();
        byte[] image = {(byte) 0xFF, (byte) 0xD8, 42, 43};
        UUID projectId;
        UUID sampleId;
        try (ConfigurableApplicationContext first = start()) {
            ProjectService projects = first.getBean(ProjectService.class);
            projectId = projects.create(owner, "Before restart", ModelKind.IMAGE, List.of("cats", "dogs")).id();
            UUID cats = projects.classes(owner, projectId).get(0).id();
            sampleId = projects.addSample(owner, cats, image, "image/jpeg");
        }
        try (ConfigurableApplicationContext second = start()) {
            ProjectService projects = second.getBean(ProjectService.class);
            assertThat(projects.project(owner, projectId).name()).isEqualTo("Before restart");
            assertThat(projects.classes(owner, projectId)).extracting(ImageClass::name, ImageClass::sampleCount)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("cats", 1), org.assertj.core.groups.Tuple.tuple("dogs", 0));
            assertThat(projects.sample(owner, sampleId).image()).isEqualTo(image);
        }
    }

    @Test
    void aTrainedModelAndItsReportSurviveARestartAndPredictTheSame() throws Exception {
        String owner = UUID.randomUUID().toString();
        UUID projectId;
        float[] before;
        byte[] probe;
        try (ConfigurableApplicationContext first = start()) {
            projectId = first.getBean(org.teachbox.samples.SampleProjects.class).shapes(owner, "Shapes").id();
            ProjectService projects = first.getBean(ProjectService.class);
            TrainingService training = first.getBean(TrainingService.class);
            CompletableFuture<TrainingReport> done = new CompletableFuture<>();
            training.subscribe(projectId, e -> {
                if (e instanceof TrainingEvent.Finished f) {
                    done.complete(f.report());
                }
            });
            training.train(owner, projectId, new TrainingSettings(2, 16, 0.001, OptimizerChoice.ADAM));
            done.get(3, TimeUnit.MINUTES);
            UUID firstClass = projects.classes(owner, projectId).get(0).id();
            probe = projects.sample(owner, projects.recentSampleIds(owner, firstClass, 1).get(0)).image();
            before = first.getBean(PredictionService.class).predict(owner, projectId, "probe.jpg", probe)
                    .orElseThrow().probabilities();
        }
        try (ConfigurableApplicationContext second = start()) {
            ModelStore models = second.getBean(ModelStore.class);
            assertThat(models.load(owner, projectId)).get()
                    .satisfies(m -> assertThat(m.report().history()).hasSize(2));
            float[] after = second.getBean(PredictionService.class).predict(owner, projectId, "probe.jpg", probe)
                    .orElseThrow().probabilities();
            assertThat(after).containsExactly(before);
        }
    }

    @Test
    void aTrainingCutOffByARestartIsReportedAfterItUntilTheNextTrainingEnds() throws Exception {
        String owner = UUID.randomUUID().toString();
        UUID projectId;
        try (ConfigurableApplicationContext first = start()) {
            projectId = first.getBean(org.teachbox.samples.SampleProjects.class).shapes(owner, "Cut off").id();
            TrainingService training = first.getBean(TrainingService.class);
            CompletableFuture<Void> running = new CompletableFuture<>();
            training.subscribe(projectId, e -> {
                if (e instanceof TrainingEvent.Epoch) {
                    running.complete(null);
                }
            });
            training.train(owner, projectId, new TrainingSettings(400, 16, 0.001, OptimizerChoice.ADAM));
            running.get(3, TimeUnit.MINUTES);
            assertThat(training.wasInterrupted(projectId)).isFalse();
        }
        try (ConfigurableApplicationContext second = start()) {
            TrainingService training = second.getBean(TrainingService.class);
            assertThat(training.wasInterrupted(projectId)).isTrue();

            CompletableFuture<TrainingReport> done = new CompletableFuture<>();
            training.subscribe(projectId, e -> {
                if (e instanceof TrainingEvent.Finished f) {
                    done.complete(f.report());
                }
            });
            training.train(owner, projectId, new TrainingSettings(1, 16, 0.001, OptimizerChoice.ADAM));
            assertThat(training.wasInterrupted(projectId)).as("while training again").isFalse();
            done.get(3, TimeUnit.MINUTES);
            assertThat(training.wasInterrupted(projectId)).isFalse();
        }
    }

    private ConfigurableApplicationContext start() {
        // arguments, not builder properties: those are defaults, and application.properties would
        // win with port 8080 and ./data
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--teachbox.data-dir=" + dataDir.toAbsolutePath()));
        arguments.addAll(List.of(databaseArguments()));
        return new SpringApplicationBuilder(TeachboxApplication.class).run(arguments.toArray(String[]::new));
    }

    /** More arguments for both starts; the PostgreSQL run points them at its own schema. */
    String[] databaseArguments() {
        return new String[0];
    }
}
