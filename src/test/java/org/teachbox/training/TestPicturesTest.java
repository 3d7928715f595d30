package org.teachbox.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.teachbox.project.ImageClass;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectService;
import org.teachbox.project.Shelf;
import org.teachbox.samples.SampleProjects;
import org.teachbox.samples.SampleSets;

/**
 * Test pictures end to end on generated pictures: some pictures of class 1 are set aside as test
 * pictures of class 0 (ones filed as zeros, squares filed as circles). They must stay out of the
 * split and out of validation, be exactly what the model is judged on, and be judged wrong: the
 * model rightly calls them what they are.
 */
@SpringBootTest(properties = {"teachbox.data-dir=target/test-data/training-${random.uuid}",
        "teachbox.training.max-cost=50000"})
class TestPicturesTest {

    private static final int PLANTED = 8;
    private static final int OWN = 4;

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
    void testPicturesAreNeverTrainedOnAndAreWhatTheModelIsJudgedOn() throws Exception {
        Project p = samples.digits(owner, "Fair judge");
        Planted planted = plant(p);

        List<ImageClass> classes = projects.classes(owner, p.id());
        assertThat(classes).extracting(ImageClass::sampleCount).containsOnly(SampleProjects.DIGITS_PER_CLASS);
        assertThat(classes).extracting(ImageClass::testCount).containsExactly(PLANTED + OWN, 0, OWN, 0, 0, 0, 0, 0, 0, 0);

        TrainingReport report = trainAndWait(p.id(), 20);

        // 40 training pictures per class, whatever the test shelf holds: 34 train, 6 validate
        assertThat(report.split()).allSatisfy(s -> {
            assertThat(s.train()).isEqualTo(34);
            assertThat(s.validation()).isEqualTo(6);
        });
        assertThat(report.validation()).hasSize(60)
                .extracting(TrainingReport.ValidationItem::sampleId).doesNotContainAnyElementsOf(planted.all());
        TestResult test = report.test();
        assertThat(test).isNotNull();
        assertThat(test.pictures()).extracting(TrainingReport.ValidationItem::sampleId)
                .containsExactlyInAnyOrderElementsOf(planted.all());
        assertThat(test.pictures()).filteredOn(v -> planted.squares().contains(v.sampleId()))
                .hasSize(PLANTED)
                .allSatisfy(v -> {
                    assertThat(v.actual()).isZero();
                    assertThat(v.predicted()).as("a one set aside as a zero is judged wrong").isNotZero();
                });
        assertThat(test.accuracy()).isLessThan(1.0);
        assertThat(test.perClassAccuracy(report.classNames())).extracting(TrainingReport.ClassAccuracy::count)
                .containsExactly(PLANTED + OWN, 0, OWN, 0, 0, 0, 0, 0, 0, 0);
        for (int a = 0; a < 10; a++) {
            for (int q = 0; q < 10; q++) {
                assertThat(test.cell(a, q)).hasSize(test.confusion()[a][q]);
            }
        }
        // the judgement is stored with the model, not only sent to the page
        assertThat(models.load(owner, p.id())).get().satisfies(m ->
                assertThat(m.report().test().pictures()).hasSize(PLANTED + 2 * OWN));
    }

    @Test
    void testPicturesLeaveTheModelUpToDateAndHaveTheirOwnShelf() throws Exception {
        Project p = samples.shapes(owner, "Shelves");
        trainAndWait(p.id(), 1);
        UUID circles = projects.classes(owner, p.id()).getFirst().id();
        byte[] picture = projects.sample(owner, projects.recentSampleIds(owner, circles, 1).getFirst()).image();

        UUID test = projects.addSample(owner, circles, picture, "image/jpeg", Shelf.TEST);
        assertThat(models.isOutOfDate(owner, p.id())).as("a test picture changes nothing the model learned").isFalse();
        assertThat(projects.shelfOf(owner, test)).isEqualTo(Shelf.TEST);

        projects.clearClass(owner, circles);
        assertThat(projects.recentSampleIds(owner, circles, Shelf.TEST, 10)).containsExactly(test);
        assertThat(projects.recentSampleIds(owner, circles, 10)).isEmpty();
        projects.clearClass(owner, circles, Shelf.TEST);
        assertThat(projects.classes(owner, p.id()).getFirst().testCount()).isZero();
    }

    @Test
    void aPretrainedModelIsJudgedOnTheEmbeddingsOfItsTestPictures() throws Exception {
        Project p = samples.create(owner, "Pretrained judge", ModelKind.PRETRAINED, SampleSets.shapes(20, 5), n -> n);
        Planted planted = plant(p);

        TrainingReport report = trainAndWait(p.id(), 20);

        assertThat(report.split()).extracting(TrainingReport.ClassSplit::validation).containsOnly(3);
        assertThat(report.test().pictures()).extracting(TrainingReport.ValidationItem::sampleId)
                .containsExactlyInAnyOrderElementsOf(planted.all());
        assertThat(report.test().pictures()).filteredOn(v -> planted.squares().contains(v.sampleId()))
                .extracting(TrainingReport.ValidationItem::predicted).doesNotContain(0);
    }

    /** Pictures of class 1 set aside as test pictures of class 0, and a few right ones of classes 0 and 2. */
    private Planted plant(Project p) {
        List<ImageClass> classes = projects.classes(owner, p.id());
        Set<UUID> squares = new HashSet<>();
        List<UUID> all = new ArrayList<>();
        for (UUID id : projects.recentSampleIds(owner, classes.get(1).id(), PLANTED)) {
            UUID test = projects.addSample(owner, classes.getFirst().id(), projects.sample(owner, id).image(), "image/jpeg",
                    Shelf.TEST);
            squares.add(test);
            all.add(test);
        }
        for (int c : new int[] {0, 2}) {
            for (UUID id : projects.recentSampleIds(owner, classes.get(c).id(), OWN)) {
                all.add(projects.addSample(owner, classes.get(c).id(), projects.sample(owner, id).image(), "image/jpeg",
                        Shelf.TEST));
            }
        }
        return new Planted(squares, all);
    }

    private record Planted(Set<UUID> squares, List<UUID> all) {
    }

    private TrainingReport trainAndWait(UUID projectId, int epochs) throws Exception {
        CompletableFuture<TrainingReport> done = new CompletableFuture<>();
        Runnable stop = training.subscribe(projectId, e -> {
            if (e instanceof TrainingEvent.Finished f) {
                done.complete(f.report());
            } else if (e instanceof TrainingEvent.Failed f) {
                done.completeExceptionally(new AssertionError(f.messageKey()));
            }
        });
        try {
            training.train(owner, projectId, new TrainingSettings(epochs, 16, 0.001, OptimizerChoice.ADAM));
            return done.get(3, TimeUnit.MINUTES);
        } finally {
            stop.run();
        }
    }
}
