package org.teachbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectService;
import org.teachbox.project.Shelf;
import org.teachbox.samples.SampleProjects;
import org.teachbox.samples.SampleSets;
import org.teachbox.training.OptimizerChoice;
import org.teachbox.training.TrainingEvent;
import org.teachbox.training.TrainingService;
import org.teachbox.training.TrainingSettings;
import org.teachbox.upload.PictureIntake;

/**
 * What school IT scrapes from /actuator/prometheus while a class of 10 trains on one worker: the
 * waiting line grows and empties, every training is timed by kind and outcome, and pictures
 * stored and refused are counted by reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "teachbox.data-dir=target/test-data/metrics-${random.uuid}", "teachbox.training.parallel-jobs=1"})
class MetricsTest {

    @LocalServerPort
    int port;
    @Autowired
    SampleProjects samples;
    @Autowired
    ProjectService projects;
    @Autowired
    TrainingService training;
    @Autowired
    PictureIntake pictures;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theQueueAndThePicturesShowOnThePrometheusPageWhileAClassTrains() throws Exception {
        double completedBefore = value(scrape(), "teachbox_training_duration_seconds_count\\{kind=\"image\",outcome=\"completed\"\\}");
        List<CompletableFuture<Void>> done = new ArrayList<>();
        List<Runnable> stops = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String owner = UUID.randomUUID().toString();
            Project p = samples.create(owner, "Shapes " + i, ModelKind.IMAGE, SampleSets.shapes(6, i), n -> n);
            CompletableFuture<Void> finished = new CompletableFuture<>();
            stops.add(training.subscribe(p.id(), e -> {
                if (e instanceof TrainingEvent.Finished) {
                    finished.complete(null);
                } else if (e instanceof TrainingEvent.Failed f) {
                    finished.completeExceptionally(new AssertionError(f.messageKey()));
                }
            }));
            done.add(finished);
            training.train(owner, p.id(), new TrainingSettings(4, 16, 0.001, OptimizerChoice.ADAM));
        }
        double mostWaiting = 0;
        while (!CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).isDone()) {
            String page = scrape();
            mostWaiting = Math.max(mostWaiting, value(page, "teachbox_training_waiting"));
            assertThat(value(page, "teachbox_training_running")).isBetween(0.0, 1.0);
            Thread.sleep(50);
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        stops.forEach(Runnable::run);

        String after = scrape();
        assertThat(mostWaiting).as("jobs seen waiting for the one worker").isGreaterThanOrEqualTo(3);
        assertThat(value(after, "teachbox_training_waiting")).isZero();
        assertThat(value(after, "teachbox_training_duration_seconds_count\\{kind=\"image\",outcome=\"completed\"\\}") - completedBefore)
                .isEqualTo(10);
        assertThat(value(after, "teachbox_training_wait_seconds_count")).isGreaterThanOrEqualTo(10);

        String owner = UUID.randomUUID().toString();
        Project p = projects.create(owner, "Intake", ModelKind.IMAGE, List.of("a", "b"));
        UUID classId = projects.classes(owner, p.id()).getFirst().id();
        double storedBefore = value(after, "teachbox_pictures_stored_total");
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(SampleSets.shapes(1, 1).classes().get(0).images().get(0), "png", png);
        assertThat(pictures.accept(owner, classId, Shelf.TRAINING, "ok.png", png.toByteArray()).stored()).isTrue();
        var broken = pictures.accept(owner, classId, Shelf.TRAINING, "broken.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
        assertThat(broken.stored()).isFalse();
        String reason = broken.messageKey().replaceFirst("^upload\\.error\\.", "");
        String later = scrape();
        assertThat(value(later, "teachbox_pictures_stored_total") - storedBefore).isEqualTo(1);
        assertThat(value(later, "teachbox_pictures_refused_total\\{reason=\"" + reason + "\"\\}")).as(reason).isEqualTo(1);
        assertThat(later).contains("teachbox_decode_budget_used_bytes", "teachbox_heatmaps_waiting", "teachbox_pages_active");
    }

    private String scrape() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** The value of the first sample whose name (and labels) match, 0 when there is none yet. */
    private static double value(String page, String sample) {
        Matcher m = Pattern.compile("(?m)^" + sample + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(page);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
