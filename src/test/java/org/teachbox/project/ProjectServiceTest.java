package org.teachbox.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {"teachbox.data-dir=target/test-data/project-service-${random.uuid}",
        "teachbox.limits.max-images-per-class=5"})
class ProjectServiceTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};

    @Autowired
    ProjectService projects;

    private final String alice = UUID.randomUUID().toString();
    private final String bob = UUID.randomUUID().toString();

    @Test
    void newProjectStartsWithTheGivenEmptyClasses() {
        Project p = projects.create(alice, "Pets", ModelKind.IMAGE, List.of("Class 1", "Class 2"));
        assertThat(projects.classes(alice, p.id())).extracting(ImageClass::name, ImageClass::sampleCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Class 1", 0), org.assertj.core.groups.Tuple.tuple("Class 2", 0));
        assertThat(projects.projectsOf(alice)).extracting(Project::id).containsExactly(p.id());
    }

    @Test
    void anotherOwnerCannotSeeOrChangeAProject() {
        Project p = projects.create(alice, "Secret", ModelKind.IMAGE, List.of("a", "b"));
        UUID classId = projects.classes(alice, p.id()).get(0).id();
        UUID sample = projects.addSample(alice, classId, JPEG, "image/jpeg");

        assertThat(projects.projectsOf(bob)).isEmpty();
        assertThatThrownBy(() -> projects.project(bob, p.id())).isInstanceOf(ProjectRuleException.class);
        assertThatThrownBy(() -> projects.classes(bob, p.id())).isInstanceOf(ProjectRuleException.class);
        assertThatThrownBy(() -> projects.addSample(bob, classId, JPEG, "image/jpeg")).isInstanceOf(ProjectRuleException.class);
        assertThatThrownBy(() -> projects.sample(bob, sample)).isInstanceOf(ProjectRuleException.class);
        assertThatThrownBy(() -> projects.deleteSample(bob, sample)).isInstanceOf(ProjectRuleException.class);
        assertThatThrownBy(() -> projects.deleteProject(bob, p.id())).isInstanceOf(ProjectRuleException.class);
        assertThat(projects.sample(alice, sample).image()).isEqualTo(JPEG);
    }

    @Test
    void everyDataChangeBumpsTheDataVersion() {
        Project p = projects.create(alice, "Versions", ModelKind.IMAGE, List.of("a", "b"));
        UUID classId = projects.classes(alice, p.id()).get(0).id();
        long v0 = projects.project(alice, p.id()).dataVersion();
        UUID s = projects.addSample(alice, classId, JPEG, "image/jpeg");
        long v1 = projects.project(alice, p.id()).dataVersion();
        projects.deleteSample(alice, s);
        long v2 = projects.project(alice, p.id()).dataVersion();
        projects.renameClass(alice, classId, "renamed");
        long v3 = projects.project(alice, p.id()).dataVersion();
        assertThat(List.of(v0, v1, v2, v3)).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
    }

    @Test
    void hostileAndDuplicateClassNamesAreRefusedOrKeptAsPlainText() {
        Project p = projects.create(alice, "Names", ModelKind.IMAGE, List.of("cat", "dog"));
        assertThatThrownBy(() -> projects.addClass(alice, p.id(), "CAT"))
                .isInstanceOf(ProjectRuleException.class).hasMessage("rule.class.duplicate");
        assertThatThrownBy(() -> projects.addClass(alice, p.id(), "   "))
                .isInstanceOf(ProjectRuleException.class).hasMessage("rule.name.empty");
        assertThatThrownBy(() -> projects.addClass(alice, p.id(), "bad\u0000name"))
                .isInstanceOf(ProjectRuleException.class).hasMessage("rule.name.invalid");
        assertThatThrownBy(() -> projects.addClass(alice, p.id(), "x".repeat(200)))
                .isInstanceOf(ProjectRuleException.class).hasMessage("rule.name.too-long");
        ImageClass script = projects.addClass(alice, p.id(), "<script>alert(1)</script>");
        assertThat(script.name()).isEqualTo("<script>alert(1)</script>");
        ImageClass sql = projects.addClass(alice, p.id(), "'); DROP TABLE sample; --");
        assertThat(projects.classes(alice, p.id())).extracting(ImageClass::name).contains(sql.name());
    }

    @Test
    void aNameOfAsManyEmojiAsTheLimitAllowsIsStoredAndReadBack() {
        // Names counts code points; each of these is two UTF-16 chars and four UTF-8 bytes
        int max = projects.limits().maxNameLength();
        String faces = Character.toString(0x1F600).repeat(max);
        String cats = Character.toString(0x1F431).repeat(max);
        Project p = projects.create(alice, faces, ModelKind.IMAGE, List.of(faces, "b"));
        assertThat(projects.project(alice, p.id()).name()).isEqualTo(faces);
        UUID second = projects.classes(alice, p.id()).get(1).id();
        projects.renameClass(alice, second, cats);
        ImageClass added = projects.addClass(alice, p.id(), Character.toString(0x1F436).repeat(max));
        assertThat(projects.classes(alice, p.id())).extracting(ImageClass::name)
                .containsExactly(faces, cats, added.name());
        assertThatThrownBy(() -> projects.addClass(alice, p.id(), faces + "x"))
                .isInstanceOf(ProjectRuleException.class).hasMessage("rule.name.too-long");
    }

    @Test
    void aFullClassRefusesMoreImagesAndKeepsWhatItHas() {
        Project p = projects.create(alice, "Full", ModelKind.IMAGE, List.of("a", "b"));
        UUID classId = projects.classes(alice, p.id()).get(0).id();
        int max = projects.limits().maxImagesPerClass();
        for (int i = 0; i < max; i++) {
            projects.addSample(alice, classId, JPEG, "image/jpeg");
        }
        assertThatThrownBy(() -> projects.addSample(alice, classId, JPEG, "image/jpeg"))
                .isInstanceOf(ProjectRuleException.class).hasMessage("rule.class.full");
        assertThat(projects.classes(alice, p.id()).get(0).sampleCount()).isEqualTo(max);
    }

    @Test
    void picturesStoredAtTheSameMomentStopExactlyAtTheClassLimit() throws Exception {
        // an upload stores several pictures at once, and two instances may store into one class
        int max = projects.limits().maxImagesPerClass();
        for (int round = 0; round < 5; round++) {
            Project p = projects.create(alice, "Race " + round, ModelKind.IMAGE, List.of("a", "b"));
            UUID classId = projects.classes(alice, p.id()).get(0).id();
            assertThat(AtOnce.run(4 * max, () -> projects.addSample(alice, classId, JPEG, "image/jpeg"), "rule.class.full"))
                    .as("stored in round %d", round).isEqualTo(max);
            assertThat(projects.classes(alice, p.id()).get(0).sampleCount()).isEqualTo(max);
        }
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void aPictureWaitingWhileItsClassIsDeletedIsRefusedAsNoSuchClass() throws Exception {
        Project p = projects.create(alice, "Gone", ModelKind.IMAGE, List.of("a", "b"));
        UUID classId = projects.classes(alice, p.id()).get(0).id();
        java.util.concurrent.CountDownLatch deleted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch storing = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newSingleThreadExecutor()) {
            java.util.concurrent.Future<?> deleting = pool.submit(() -> {
                new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx -> {
                    projects.deleteClass(alice, classId);
                    deleted.countDown();
                    try {
                        // the store below is now waiting for the class's row
                        storing.await();
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                return null;
            });
            deleted.await();
            storing.countDown();
            assertThatThrownBy(() -> projects.addSample(alice, classId, JPEG, "image/jpeg"))
                    .isInstanceOf(ProjectRuleException.class).hasMessage("rule.class.not-found");
            deleting.get();
        }
        assertThat(projects.classes(alice, p.id())).extracting(ImageClass::name).containsExactly("b");
    }
}
