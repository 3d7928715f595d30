package org.teachbox.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.teachbox.project.AtOnce;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;

/**
 * Classrooms on a real database: joining, coming back with name + PIN, the refusals a class
 * meets (wrong PIN, closed, full, guessing), the teacher's PIN reset, the per-learner limits and
 * ending a classroom with everything its learners made.
 */
@SpringBootTest(properties = {"teachbox.data-dir=target/test-data/classroom-${random.uuid}",
        "teachbox.classroom.max-learners=3", "teachbox.classroom.max-projects-per-learner=2",
        "teachbox.classroom.max-pictures-per-learner=3"})
class ClassroomServiceTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};

    @Autowired
    ClassroomService classrooms;

    @Autowired
    ProjectService projects;

    private final String client = "10.0.0." + (int) (Math.random() * 200);

    /** Each learner on a computer of their own: a fresh browser token. */
    private static String browser() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aLearnerComesBackWithCodeNameAndPinAndFindsTheirProjects() {
        Classroom c = classrooms.create("7B Monday");
        assertThat(c.joinCode()).hasSize(6).matches("[23456789A-HJKMNP-Z]{6}");

        Learner leo = classrooms.join(c.joinCode(), "  Leo ", "1234", client, browser());
        Project p = projects.create(leo.ownerToken(), "Cats", ModelKind.IMAGE, List.of("a", "b"));

        // another computer: the code typed in lower case with a space, the name in another case
        String typed = c.joinCode().toLowerCase().substring(0, 3) + " " + c.joinCode().substring(3);
        Learner again = classrooms.join(typed, "leo", "1234", client, browser());
        assertThat(again.id()).isEqualTo(leo.id());
        assertThat(again.ownerToken()).isEqualTo(leo.ownerToken());
        assertThat(projects.projectsOf(again.ownerToken())).extracting(Project::id).containsExactly(p.id());
        assertThat(classrooms.learners(c.id())).extracting(Learner::name).containsExactly("Leo");
    }

    @Test
    void aWrongPinIsRefusedAndGuessingIsSlowedDown() {
        Classroom c = classrooms.create("Guessing");
        classrooms.join(c.joinCode(), "Mia", "4321", client, browser());
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> classrooms.join(c.joinCode(), "Mia", "0000", client, browser()))
                    .hasMessage("join.error.wrong-pin");
        }
        // the fifth try is the last one let through at once: from then on even the right PIN waits
        assertThatThrownBy(() -> classrooms.join(c.joinCode(), "Mia", "0001", client, browser())).hasMessage("join.error.wrong-pin");
        assertThatThrownBy(() -> classrooms.join(c.joinCode(), "Mia", "4321", client, browser()))
                .hasMessage("join.error.too-many-tries");
        // another learner of the same classroom is not held up by Mia's guesser
        classrooms.join(c.joinCode(), "Noah", "1111", client, browser());
        assertThat(classrooms.join(c.joinCode(), "Noah", "1111", client, browser()).name()).isEqualTo("Noah");
    }

    @Test
    void wrongPinsCloseTheirNameLongerEachRoundAndTheRightPinClearsThem() {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        PinBackoff backoff = new PinBackoff(now::get);
        for (int round = 1; round <= 3; round++) {
            for (int i = 0; i < PinBackoff.ROUND; i++) {
                assertThat(backoff.secondsToWait("c/leo")).isZero();
                backoff.failed("c/leo");
            }
            long wait = 20L << (round - 1);
            assertThat(backoff.secondsToWait("c/leo")).as("round " + round).isEqualTo(wait);
            assertThat(backoff.secondsToWait("c/mia")).as("another name").isZero();
            now.addAndGet(wait * 1_000_000_000L);
        }
        assertThat(backoff.failedTries("c/leo")).isEqualTo(15);
        backoff.succeeded("c/leo");
        assertThat(backoff.failedTries("c/leo")).isZero();
        for (int i = 0; i < 1000; i++) {
            backoff.failed("c/eve");
        }
        assertThat(backoff.secondsToWait("c/eve")).as("never more than an hour").isEqualTo(3600);
    }

    @Test
    void oneBrowserCannotFillTheClassWithMadeUpNames() {
        Classroom c = classrooms.create("Filling");
        String browser = "cookie-" + Math.random();
        String address = "10.1.1." + (int) (Math.random() * 200);
        for (String name : List.of("Amy", "Bo", "Cy")) {
            classrooms.join(c.joinCode(), name, "1234", address, browser);
        }
        assertThatThrownBy(() -> classrooms.join(c.joinCode(), "Dee", "1234", address, browser))
                .hasMessage("join.error.too-many-names");
        // the three can still come back, from this browser too
        assertThat(classrooms.join(c.joinCode(), "Amy", "1234", address, browser).name()).isEqualTo("Amy");
        assertThat(classrooms.failedPinTries(classrooms.join(c.joinCode(), "Bo", "1234", address, browser))).isZero();
    }

    @Test
    void theTeacherRemovesALearnerWithTheirProjectsAndTheNameIsFreeAgain() {
        Classroom c = classrooms.create("Removing");
        Learner fake = classrooms.join(c.joinCode(), "Fake", "1111", client, browser());
        Learner real = classrooms.join(c.joinCode(), "Real", "2222", client, browser());
        projects.create(fake.ownerToken(), "Junk", ModelKind.IMAGE, List.of("a", "b"));
        Project kept = projects.create(real.ownerToken(), "Cats", ModelKind.IMAGE, List.of("a", "b"));

        classrooms.removeLearner(fake.id());

        assertThat(classrooms.learners(c.id())).extracting(Learner::name).containsExactly("Real");
        assertThat(projects.projectsOf(fake.ownerToken())).isEmpty();
        assertThat(projects.projectsOf(real.ownerToken())).extracting(Project::id).containsExactly(kept.id());
        assertThat(classrooms.join(c.joinCode(), "Fake", "3333", client, browser()).id()).isNotEqualTo(fake.id());
    }

    @Test
    void unknownCodesAreRefusedAndScanningThemIsSlowedDown() {
        String scanner = "192.0.2." + (int) (Math.random() * 200);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> classrooms.join("ZZZZZZ", "Eve", "1234", scanner, browser())).hasMessage("join.error.no-such-code");
        }
        assertThatThrownBy(() -> classrooms.join("ZZZZZZ", "Eve", "1234", scanner, browser())).hasMessage("join.error.too-many-tries");
        assertThatThrownBy(() -> classrooms.join("not a code!", "Eve", "1234", client, browser())).hasMessage("join.error.no-such-code");
    }

    @Test
    void aClosedClassroomLetsKnownLearnersBackButNoNewOnes() {
        Classroom c = classrooms.create("Closing");
        classrooms.join(c.joinCode(), "Ava", "2222", client, browser());
        classrooms.setOpen(c.id(), false);
        assertThatThrownBy(() -> classrooms.join(c.joinCode(), "Ben", "3333", client, browser())).hasMessage("join.error.closed");
        assertThat(classrooms.join(c.joinCode(), "Ava", "2222", client, browser()).name()).isEqualTo("Ava");
        classrooms.setOpen(c.id(), true);
        assertThat(classrooms.join(c.joinCode(), "Ben", "3333", client, browser()).name()).isEqualTo("Ben");
    }

    @Test
    void aFullClassroomAndBadNamesOrPinsAreRefused() {
        Classroom c = classrooms.create("Small");
        classrooms.join(c.joinCode(), "A", "1111", client, browser());
        classrooms.join(c.joinCode(), "B", "1111", client, browser());
        classrooms.join(c.joinCode(), "<b>C</b>", "1111", client, browser());
        assertThatThrownBy(() -> classrooms.join(c.joinCode(), "D", "1111", client, browser())).hasMessage("join.error.full");
        assertThat(classrooms.learners(c.id())).extracting(Learner::name).contains("<b>C</b>");

        Classroom d = classrooms.create("Rules");
        assertThatThrownBy(() -> classrooms.join(d.joinCode(), "Zoe", "12345", client, browser())).hasMessage("join.error.pin-format");
        assertThatThrownBy(() -> classrooms.join(d.joinCode(), "Zoe", "12a4", client, browser())).hasMessage("join.error.pin-format");
        assertThatThrownBy(() -> classrooms.join(d.joinCode(), "   ", "1234", client, browser())).isInstanceOf(ProjectRuleException.class);
        assertThatThrownBy(() -> classrooms.join(d.joinCode(), "x".repeat(31), "1234", client, browser())).isInstanceOf(ProjectRuleException.class);
    }

    @Test
    void theTeacherResetsAForgottenPin() {
        Classroom c = classrooms.create("Forgetful");
        Learner sam = classrooms.join(c.joinCode(), "Sam", "1357", client, browser());
        classrooms.resetPin(sam.id(), "8642");
        assertThatThrownBy(() -> classrooms.join(c.joinCode(), "Sam", "1357", client, browser())).hasMessage("join.error.wrong-pin");
        assertThat(classrooms.join(c.joinCode(), "Sam", "8642", client, browser()).id()).isEqualTo(sam.id());
        assertThatThrownBy(() -> classrooms.resetPin(sam.id(), "12")).hasMessage("join.error.pin-format");
    }

    @Test
    void aLearnerHasTheClassroomsLimitsAndAnAnonymousBrowserDoesNot() {
        Classroom c = classrooms.create("Limits");
        String kim = classrooms.join(c.joinCode(), "Kim", "1111", client, browser()).ownerToken();
        Project first = projects.create(kim, "One", ModelKind.IMAGE, List.of("a", "b"));
        projects.create(kim, "Two", ModelKind.IMAGE, List.of("a", "b"));
        assertThatThrownBy(() -> projects.create(kim, "Three", ModelKind.IMAGE, List.of("a", "b")))
                .hasMessage("rule.projects.full");
        UUID classId = projects.classes(kim, first.id()).get(0).id();
        for (int i = 0; i < 3; i++) {
            projects.addSample(kim, classId, JPEG, "image/jpeg");
        }
        assertThatThrownBy(() -> projects.addSample(kim, classId, JPEG, "image/jpeg")).hasMessage("rule.learner.pictures-full");
        assertThatThrownBy(() -> projects.ensureRoom(kim, classId)).hasMessage("rule.learner.pictures-full");

        String browser = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            projects.create(browser, "P" + i, ModelKind.IMAGE, List.of("a", "b"));
        }
        assertThat(projects.projectsOf(browser)).hasSize(3);
    }

    @Test
    void aLearnersProjectsAndPicturesAddedAtTheSameMomentStopExactlyAtTheClassroomsLimits() throws Exception {
        for (int round = 0; round < 3; round++) {
            Classroom c = classrooms.create("Race " + round);
            String ada = classrooms.join(c.joinCode(), "Ada", "1111", client, browser()).ownerToken();
            // two projects are allowed: eight tries at once, from eight browser tabs
            assertThat(AtOnce.run(8, () -> projects.create(ada, "P", ModelKind.IMAGE, List.of("a", "b")), "rule.projects.full"))
                    .as("projects made in round %d", round).isEqualTo(2);
            Project p = projects.projectsOf(ada).getFirst();
            List<UUID> classIds = projects.classes(ada, p.id()).stream().map(org.teachbox.project.ImageClass::id).toList();
            // three pictures are allowed: twelve stores at once into both classes
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            assertThat(AtOnce.run(12, () -> projects.addSample(ada, classIds.get(next.getAndIncrement() % 2), JPEG, "image/jpeg"),
                    "rule.learner.pictures-full")).as("pictures stored in round %d", round).isEqualTo(3);
            assertThat(projects.projectsOf(ada)).hasSize(2);
            assertThat(projects.classes(ada, p.id()).stream().mapToInt(org.teachbox.project.ImageClass::sampleCount).sum())
                    .isEqualTo(3);
        }
    }

    @Test
    void endingAClassroomDeletesItsLearnersAndTheirProjectsButNoOneElses() {
        Classroom c = classrooms.create("Ending");
        Classroom other = classrooms.create("Staying");
        Learner gone = classrooms.join(c.joinCode(), "Gone", "1111", client, browser());
        Learner stays = classrooms.join(other.joinCode(), "Stays", "1111", client, browser());
        projects.create(gone.ownerToken(), "Goes", ModelKind.IMAGE, List.of("a", "b"));
        Project kept = projects.create(stays.ownerToken(), "Kept", ModelKind.IMAGE, List.of("a", "b"));

        classrooms.delete(c.id());

        assertThat(projects.projectsOf(gone.ownerToken())).isEmpty();
        assertThat(classrooms.learnerOf(gone.ownerToken())).isEmpty();
        assertThatThrownBy(() -> classrooms.join(c.joinCode(), "Gone", "1111", client, browser())).hasMessage("join.error.no-such-code");
        assertThat(projects.projectsOf(stays.ownerToken())).extracting(Project::id).containsExactly(kept.id());
        assertThat(classrooms.classrooms()).extracting(Classroom::id).contains(other.id()).doesNotContain(c.id());
    }
}
