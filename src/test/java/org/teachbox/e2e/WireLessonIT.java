package org.teachbox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.teachbox.e2e.wire.WireLearner;

/**
 * The classroom load bench's learners without a browser (WireLearner, Vaadin's own protocol),
 * two at once against the built jar: each creates a project, uploads 3 × 30 photos through the
 * cards' upload endpoint, trains, previews and opens Gather again. This keeps the bench's driver
 * honest as the pages change (a renamed id or a new step would stop it here, not in a 30-learner
 * run) and checks what the bench relies on: pushed verdicts and answers reach a learner, and each
 * learner's pictures all arrive in their own project.
 */
class WireLessonIT {

    private static final int LEARNERS = 2;
    private static final int PREVIEWS = 3;

    @Test
    void twoLearnersGoThroughTheWholeLessonOverVaadinsProtocol() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "wire-lesson"));
        LoadTally tally = new LoadTally();
        try (AppProcess app = AppProcess.start("wire-lesson", Files.createTempDirectory(work, "data"),
                work.resolve("server.log"), Map.of(), List.of()).awaitHealthy(Duration.ofMinutes(3))) {
            List<WireLearner> learners = new ArrayList<>();
            for (int s = 0; s < LEARNERS; s++) {
                List<List<Path>> classes = new ArrayList<>();
                for (int c = 0; c < 3; c++) {
                    classes.add(TestImages.photos(work.resolve("s" + s + "/c" + c), "c" + c, 30, 100L * s + c));
                }
                List<Path> previews = TestImages.photos(work.resolve("s" + s + "/p"), "p", PREVIEWS, 100L * s + 9);
                learners.add(WireLearner.arrive(URI.create(app.url("/")), tally, "pretrained", s, classes, previews));
            }
            tally.go();
            List<Thread> threads = new ArrayList<>();
            for (WireLearner learner : learners) {
                threads.add(Thread.ofPlatform().start(() -> {
                    try (learner) {
                        learner.lesson();
                    } catch (Exception e) {
                        tally.error(String.valueOf(e));
                    }
                }));
            }
            for (Thread t : threads) {
                t.join(Duration.ofMinutes(8));
            }
        }
        assertThat(tally.problems()).isEmpty();
        assertThat(tally.errors()).isZero();
        assertThat(tally.lostPictures()).isZero();
        assertThat(tally.verdicts()).isEqualTo(LEARNERS);
        assertThat(tally.previewAnswers()).isEqualTo(LEARNERS * PREVIEWS);
        assertThat(tally.heatMapsShown()).isEqualTo(LEARNERS * PREVIEWS);
    }
}
