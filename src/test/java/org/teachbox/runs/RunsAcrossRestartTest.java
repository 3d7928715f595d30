package org.teachbox.runs;

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
import org.teachbox.training.ModelStore;
import org.teachbox.training.OptimizerChoice;
import org.teachbox.training.TrainingEvent;
import org.teachbox.training.TrainingReport;
import org.teachbox.training.TrainingService;
import org.teachbox.training.TrainingSettings;

/** A teacher restarts the server between two lessons: the runs, their names and models come back. */
class RunsAcrossRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void runsTheirNamesAndTheirModelsSurviveARestart() throws Exception {
        String owner = UUID.randomUUID().toString();
        UUID projectId;
        List<Run> before;
        try (ConfigurableApplicationContext first = start()) {
            projectId = first.getBean(SampleProjects.class).shapes(owner, "Two lessons").id();
            train(first, owner, projectId, new TrainingSettings(2, 16, 0.001, OptimizerChoice.ADAM));
            train(first, owner, projectId, new TrainingSettings(2, 16, 0.1, OptimizerChoice.ADAM));
            RunHistory runs = first.getBean(RunHistory.class);
            runs.rename(owner, projectId, runs.list(owner, projectId).getFirst().id(), "slow");
            before = runs.list(owner, projectId);
        }
        try (ConfigurableApplicationContext second = start()) {
            RunHistory runs = second.getBean(RunHistory.class);
            List<Run> after = runs.list(owner, projectId);
            assertThat(after).extracting(Run::id, Run::name, Run::number, Run::status)
                    .containsExactlyElementsOf(before.stream()
                            .map(r -> org.assertj.core.groups.Tuple.tuple(r.id(), r.name(), r.number(), r.status())).toList());
            assertThat(after).extracting(r -> r.report().history()).isEqualTo(before.stream().map(r -> r.report().history()).toList());
            assertThat(runs.currentRunId(owner, projectId)).contains(after.get(1).id());

            runs.makeCurrent(owner, projectId, after.getFirst().id());
            assertThat(second.getBean(ModelStore.class).load(owner, projectId)).get()
                    .satisfies(m -> assertThat(m.report().settings().learningRate()).isEqualTo(0.001));
        }
    }

    @Test
    void theJudgementOnTestPicturesSurvivesARestart() throws Exception {
        String owner = UUID.randomUUID().toString();
        UUID projectId;
        List<UUID> tests = new ArrayList<>();
        org.teachbox.training.TestResult before;
        try (ConfigurableApplicationContext first = start()) {
            projectId = first.getBean(SampleProjects.class).shapes(owner, "Judged").id();
            ProjectService projects = first.getBean(ProjectService.class);
            List<ImageClass> classes = projects.classes(owner, projectId);
            for (UUID id : projects.recentSampleIds(owner, classes.get(1).id(), 3)) {
                tests.add(projects.addSample(owner, classes.getFirst().id(), projects.sample(owner, id).image(),
                        "image/jpeg", Shelf.TEST));
            }
            train(first, owner, projectId, new TrainingSettings(2, 16, 0.001, OptimizerChoice.ADAM));
            before = first.getBean(RunHistory.class).list(owner, projectId).getFirst().report().test();
            assertThat(before.pictures()).extracting(TrainingReport.ValidationItem::sampleId)
                    .containsExactlyInAnyOrderElementsOf(tests);
        }
        try (ConfigurableApplicationContext second = start()) {
            org.teachbox.training.TestResult after = second.getBean(RunHistory.class).list(owner, projectId).getFirst()
                    .report().test();
            assertThat(after.pictures()).isEqualTo(before.pictures());
            assertThat(after.confusion()).isDeepEqualTo(before.confusion());
            assertThat(second.getBean(ModelStore.class).load(owner, projectId)).get()
                    .satisfies(m -> assertThat(m.report().test().pictures()).isEqualTo(before.pictures()));
            assertThat(second.getBean(ProjectService.class).classes(owner, projectId))
                    .extracting(ImageClass::testCount).containsExactly(3, 0, 0);
        }
    }

    private static void train(ConfigurableApplicationContext app, String owner, UUID projectId, TrainingSettings settings)
            throws Exception {
        TrainingService training = app.getBean(TrainingService.class);
        CompletableFuture<Object> done = new CompletableFuture<>();
        Runnable stop = training.subscribe(projectId, e -> {
            if (e instanceof TrainingEvent.Finished || e instanceof TrainingEvent.Failed) {
                done.complete(e);
            }
        });
        try {
            training.train(owner, projectId, settings);
            assertThat(done.get(3, TimeUnit.MINUTES)).isInstanceOf(TrainingEvent.Finished.class);
        } finally {
            stop.run();
        }
    }

    private ConfigurableApplicationContext start() {
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
