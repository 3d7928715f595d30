package org.teachbox.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The server's own picture budget holds whoever asks: a fresh cookie for each picture does not
 * get round it, and the refusal says the server is full.
 */
@SpringBootTest(properties = {"teachbox.data-dir=target/test-data/storage-${random.uuid}",
        "teachbox.limits.max-pictures-total=3"})
class StorageQuotaTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};

    @Autowired
    ProjectService projects;

    @Test
    void picturesFromEverFreshBrowsersStopAtTheServersLimit() {
        for (int i = 0; i < 3; i++) {
            String owner = UUID.randomUUID().toString();
            projects.addSample(owner, classOf(owner), JPEG, "image/jpeg");
        }
        String owner = UUID.randomUUID().toString();
        UUID classId = classOf(owner);
        assertThatThrownBy(() -> projects.ensureRoom(owner, classId)).hasMessage("rule.server.full");
        assertThatThrownBy(() -> projects.addSample(owner, classId, JPEG, "image/jpeg")).hasMessage("rule.server.full");
        assertThat(projects.projectsOf(owner)).hasSize(1);
    }

    private UUID classOf(String owner) {
        Project p = projects.create(owner, "P", ModelKind.IMAGE, List.of("a", "b"));
        return projects.classes(owner, p.id()).getFirst().id();
    }
}
