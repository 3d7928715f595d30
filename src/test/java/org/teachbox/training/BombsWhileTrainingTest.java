package org.teachbox.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.teachbox.imaging.ImageIngest;
import org.teachbox.imaging.PngFiles;
import org.teachbox.imaging.ImageRejectedException;
import org.teachbox.samples.SampleProjects;

/**
 * Decompression bombs that stay under every limit (a 9-megapixel, 16-bit PNG that is about 70 KB on
 * the wire and 72 MB decoded), sent by four learners at once while a class trains: each one is
 * either stored or refused with a reason, and the training still finishes.
 */
@SpringBootTest(properties = "teachbox.data-dir=target/test-data/bombs-${random.uuid}")
class BombsWhileTrainingTest {

    @Autowired
    TrainingService training;
    @Autowired
    SampleProjects samples;
    @Autowired
    ImageIngest ingest;

    private final String owner = UUID.randomUUID().toString();

    @Test
    void bombsBelowTheLimitsDoNotStopATraining() throws Exception {
        UUID project = samples.digits(owner, "Busy").id();
        byte[] bomb = sixteenBitPng(3_000, 3_000);
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
        CompletableFuture<TrainingEvent> end = new CompletableFuture<>();
        training.subscribe(project, e -> {
            if (e instanceof TrainingEvent.Finished || e instanceof TrainingEvent.Failed) {
                end.complete(e);
            }
        });
        training.train(owner, project, new TrainingSettings(20, 16, 0.001, OptimizerChoice.ADAM));

        ExecutorService learners = Executors.newFixedThreadPool(4);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            outcomes.add(learners.submit(() -> {
                try {
                    return "stored " + ingest.ingest("bomb-" + n + ".png", bomb).side();
                } catch (ImageRejectedException e) {
                    return e.messageKey();
                }
            }));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get(5, TimeUnit.MINUTES));
        }
        learners.shutdown();

        assertThat(end.get(5, TimeUnit.MINUTES)).isInstanceOf(TrainingEvent.Finished.class);
        // Each bomb is a real 9 MP picture: stored small, or refused as too big, too slow or the server too busy.
        assertThat(results).allSatisfy(r -> assertThat(r).matches("stored 256|upload\\.error\\.(too-much-memory|busy|too-slow)"));
    }

    /** A 16-bit RGBA PNG of one colour, streamed into the compressor row by row so the test never holds it decoded. */
    private static byte[] sixteenBitPng(int width, int height) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            byte[] row = new byte[1 + width * 8];
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        }
        return PngFiles.rgba(width, height, 16, idat.toByteArray());
    }
}
