package org.teachbox.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.teachbox.project.ImageClass;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;

/** A sample project appears whole or not at all: it is written in one transaction. */
@SpringBootTest(properties = {"teachbox.data-dir=target/test-data/sample-tx-${random.uuid}",
        "teachbox.limits.max-images-per-class=5"})
class SampleProjectsTransactionTest {

    @Autowired
    SampleProjects samples;
    @Autowired
    ProjectService projects;

    private final String owner = UUID.randomUUID().toString();

    @Test
    void aSampleThatFailsHalfwayLeavesNoHalfProjectBehind() {
        // The second class is one picture too many; by then the first class is already written.
        SampleSet set = new SampleSet("broken", List.of(new SampleClass("fine", pictures(3)), new SampleClass("too many", pictures(6))));

        assertThatThrownBy(() -> samples.create(owner, "Half", ModelKind.IMAGE, set, UnaryOperator.identity()))
                .isInstanceOf(ProjectRuleException.class).hasMessage("rule.class.full");

        assertThat(projects.projectsOf(owner)).isEmpty();
    }

    @Test
    void aSampleThatFitsIsCreatedWithEveryPicture() {
        SampleSet set = new SampleSet("small", List.of(new SampleClass("a", pictures(3)), new SampleClass("b", pictures(5))));

        Project project = samples.create(owner, "Whole", ModelKind.IMAGE, set, UnaryOperator.identity());

        assertThat(projects.classes(owner, project.id())).extracting(ImageClass::sampleCount).containsExactly(3, 5);
    }

    private static List<BufferedImage> pictures(int n) {
        return Collections.nCopies(n, new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB));
    }
}
