package org.teachbox.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.teachbox.project.ProjectService;
import org.teachbox.samples.SampleProjects;

/**
 * The in-memory copy of trained models: bounded, dropped with its project, never stale when a
 * second server on the same database trains the project again, and a server that did not train
 * a model reads it from the database, whatever its kind.
 */
@SpringBootTest(properties = "teachbox.data-dir=target/test-data/model-cache-${random.uuid}")
class ModelStoreCacheTest {

    @Autowired
    ProjectService projects;
    @Autowired
    TrainingService training;
    @Autowired
    ModelStore models;
    @Autowired
    SampleProjects samples;
    @Autowired
    JdbcClient jdbc;

    private final String owner = UUID.randomUUID().toString();

    @Test
    void aServerSharingTheDatabaseSeesTheModelAnotherServerTrainedSince() throws Exception {
        UUID project = samples.digits(owner, "Shared").id();
        ModelStore otherServer = new ModelStore(jdbc, projects, 64);
        train(project, 1);
        assertThat(otherServer.load(owner, project).orElseThrow().report().history()).hasSize(1);

        train(project, 2);

        assertThat(otherServer.load(owner, project).orElseThrow().report().history()).hasSize(2);
    }

    @Test
    void aServerThatDidNotTrainAPretrainedModelReadsItFromTheDatabase() throws Exception {
        // its head takes the 1280-number embedding: the model file must accept such an input
        UUID project = samples.create(owner, "Photos", org.teachbox.project.ModelKind.PRETRAINED,
                org.teachbox.samples.SampleSets.shapes(6, 5), n -> n).id();
        train(project, 2);
        ModelStore otherServer = new ModelStore(jdbc, projects, 64);

        assertThat(otherServer.load(owner, project)).get()
                .satisfies(m -> assertThat(m.report().history()).hasSize(2));
    }

    @Test
    void keepsOnlyTheMostRecentlyUsedModelsInMemory() throws Exception {
        UUID first = samples.digits(owner, "First").id();
        UUID second = samples.digits(owner, "Second").id();
        train(first, 1);
        train(second, 1);
        ModelStore small = new ModelStore(jdbc, projects, 1);

        small.load(owner, first);
        small.load(owner, second);

        assertThat(small.cachedModels()).isEqualTo(1);
        assertThat(small.load(owner, first)).as("still there, read again").isPresent();
    }

    @Test
    void forgetsADeletedProjectsModel() throws Exception {
        UUID project = samples.digits(owner, "Gone").id();
        train(project, 1);
        int before = models.cachedModels();

        projects.deleteProject(owner, project);

        assertThat(models.cachedModels()).isEqualTo(before - 1);
    }

    private void train(UUID project, int epochs) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable stop = training.subscribe(project, e -> {
            if (e instanceof TrainingEvent.Finished) {
                done.complete(null);
            } else if (e instanceof TrainingEvent.Failed f) {
                done.completeExceptionally(new AssertionError(f.messageKey()));
            }
        });
        try {
            training.train(owner, project, new TrainingSettings(epochs, 16, 0.001, OptimizerChoice.ADAM));
            done.get(3, TimeUnit.MINUTES);
        } finally {
            stop.run();
        }
    }
}
