package org.teachbox.engine.pretrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teachbox.engine.ModelFormatException;

/**
 * Truncated and corrupted TF.js files, as ModelFileTest does for Teachbox's own format: every
 * truncation of model.json and of a weight file must end in a ModelFormatException, and a random
 * byte flip either still gives a model that runs or ends in a ModelFormatException, never in any
 * other exception, a StackOverflowError or an OutOfMemoryError.
 */
class TfjsModelFuzzTest {
    @TempDir
    Path temp;

    private static final Path TINY = Fixtures.tiny();

    /** Loads and runs the model in dir; returns normally or throws ModelFormatException only. */
    private static void loadAndRun(Path dir) throws ModelFormatException {
        try {
            TfjsModel model = TfjsModel.read(dir);
            Network network = model.network();
            int[] s = network.inputShape();
            network.run(new float[s[0] * s[1] * s[2]]);
        } catch (ModelFormatException e) {
            throw e;
        } catch (Throwable e) {
            fail("expected success or a ModelFormatException, got " + e, e);
        }
    }

    @Test
    void everyTruncationOfModelJsonIsRefused() throws IOException {
        Path dir = Fixtures.copy(TINY, temp.resolve("m"));
        byte[] json = Files.readAllBytes(TINY.resolve("model.json"));
        for (int length = 0; length < json.length; length += 1 + length / 400) {
            Files.write(dir.resolve("model.json"), Arrays.copyOf(json, length));
            assertThatThrownBy(() -> loadAndRun(dir)).as("length " + length).isInstanceOf(ModelFormatException.class);
        }
    }

    @Test
    void everyTruncationOfAWeightFileIsRefused() throws IOException {
        Path dir = Fixtures.copy(TINY, temp.resolve("m"));
        for (String shard : new String[] {"group1-shard1of2.bin", "group2-shard1of1.bin"}) {
            byte[] bytes = Files.readAllBytes(TINY.resolve(shard));
            for (int length = 0; length < bytes.length; length++) {
                Files.write(dir.resolve(shard), Arrays.copyOf(bytes, length));
                assertThatThrownBy(() -> loadAndRun(dir)).as(shard + " length " + length)
                        .isInstanceOf(ModelFormatException.class);
            }
            Files.write(dir.resolve(shard), bytes);
        }
    }

    @Test
    void flippedBytesInModelJsonAreRefusedCleanlyOrHarmless() throws IOException {
        Path dir = Fixtures.copy(TINY, temp.resolve("m"));
        byte[] json = Files.readAllBytes(TINY.resolve("model.json"));
        SplittableRandom random = new SplittableRandom(5);
        int refused = 0;
        for (int trial = 0; trial < 1500; trial++) {
            byte[] fuzzed = json.clone();
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                fuzzed[random.nextInt(fuzzed.length)] ^= (byte) (1 + random.nextInt(255));
            }
            Files.write(dir.resolve("model.json"), fuzzed);
            try {
                loadAndRun(dir);
            } catch (ModelFormatException e) {
                refused++;
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        assertThat(refused).as("most corruptions are noticed").isGreaterThan(500);
    }

    @Test
    void flippedBytesInTheWeightsAreNeverACrash() throws IOException {
        Path dir = Fixtures.copy(TINY, temp.resolve("m"));
        byte[] bytes = Files.readAllBytes(TINY.resolve("group1-shard2of2.bin"));
        SplittableRandom random = new SplittableRandom(6);
        for (int trial = 0; trial < 200; trial++) {
            byte[] fuzzed = bytes.clone();
            fuzzed[random.nextInt(fuzzed.length)] ^= (byte) (1 + random.nextInt(255));
            Files.write(dir.resolve("group1-shard2of2.bin"), fuzzed);
            loadAndRun(dir); // weights are just numbers: any float32 is accepted, NaN included
        }
    }

    @Test
    void deeplyNestedOrEndlessJsonIsRefusedWithoutAStackOverflow() throws IOException {
        Path dir = Fixtures.copy(TINY, temp.resolve("m"));
        Files.writeString(dir.resolve("model.json"), "[".repeat(200_000));
        assertThatThrownBy(() -> loadAndRun(dir)).isInstanceOf(ModelFormatException.class).hasMessageContaining("deeper");
        Files.writeString(dir.resolve("model.json"), "{\"a\":\"" + "x".repeat(100_000) + "\"}");
        assertThatThrownBy(() -> loadAndRun(dir)).isInstanceOf(ModelFormatException.class).hasMessageContaining("longer");
        Files.write(dir.resolve("model.json"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0});
        assertThatThrownBy(() -> loadAndRun(dir)).isInstanceOf(ModelFormatException.class).hasMessageContaining("UTF-8");
        Files.writeString(dir.resolve("model.json"), "{\"modelTopology\": null, \"weightsManifest\": []}");
        assertThatThrownBy(() -> loadAndRun(dir)).isInstanceOf(ModelFormatException.class).hasMessageContaining("modelTopology");
    }
}
