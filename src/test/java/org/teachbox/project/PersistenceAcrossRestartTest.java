package org.teachbox.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.teachbox.TeachboxApplication;

/** A teacher restarts the server: every project, class and image must come back. */
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

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TeachboxApplication.class)
                .properties("server.port=0", "teachbox.data-dir=" + dataDir.toAbsolutePath())
                .run();
    }
}
