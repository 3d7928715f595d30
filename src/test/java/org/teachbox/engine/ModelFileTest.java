package org.teachbox.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Saving and loading: exact round trips, and clean rejection of anything that is not a good file. */
class ModelFileTest {

    private static byte[] save(Model model, List<String> names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelFile.write(model, names, out);
        return out.toByteArray();
    }

    private static ModelFile.Loaded load(byte[] bytes) throws IOException {
        return ModelFile.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void roundTripGivesIdenticalPredictionsAndNames() throws IOException {
        Model model = Model.builder(3, 16, 16).conv2d(8, 3).relu().maxPool(2).conv2d(4, 5, 2, 0).leakyRelu()
                .globalAveragePool().dropout(0.2f).dense(6).sigmoid().dense(5).tanh().dense(3).build(3);
        List<String> names = List.of("cat", "dog", "Überraschung");
        ModelFile.Loaded loaded = load(save(model, names));
        assertThat(loaded.classNames()).isEqualTo(names);
        assertThat(loaded.model().summary()).usingRecursiveFieldByFieldElementComparator().isEqualTo(model.summary());
        Dataset images = TrainerTest.randomImages(5, 3, 16, 3, 1);
        for (int i = 0; i < images.size(); i++) {
            assertThat(loaded.model().predict(images.image(i))).containsExactly(model.predict(images.image(i)));
        }
    }

    @Test
    void refCnnRoundTrips() throws IOException {
        Model model = Presets.refCnn(3, 64, 3, 5);
        byte[] bytes = save(model, List.of("a", "b", "c"));
        Model loaded = load(bytes).model();
        float[] image = TrainerTest.randomImages(1, 3, 64, 3, 2).image(0);
        assertThat(loaded.predict(image)).containsExactly(model.predict(image));
        assertThat(loaded.parameterCount()).isEqualTo(model.parameterCount());
    }

    @Test
    void aPretrainedHeadOnA1280NumberEmbeddingRoundTrips() throws IOException {
        // read back from the database after a restart, or by another server sharing it
        Model head = Presets.transferHead(3, 1280, 7);
        Model loaded = load(save(head, List.of("a", "b", "c"))).model();
        float[] embedding = TrainerTest.randomImages(1, 1280, 1, 3, 4).image(0);
        assertThat(loaded.predict(embedding)).containsExactly(head.predict(embedding));
    }

    @Test
    void everyTruncationIsRejectedCleanly() throws IOException {
        byte[] bytes = save(Presets.mlp(3, 4, 1, 1), List.of("a", "b", "c"));
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> load(cut)).as("length " + length).isInstanceOf(ModelFormatException.class);
        }
    }

    @Test
    void flippedBytesAreRejectedCleanly() throws IOException {
        byte[] bytes = save(Presets.mlp(3, 4, 1, 1), List.of("a", "b", "c"));
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 500; trial++) {
            byte[] fuzzed = bytes.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                fuzzed[random.nextInt(fuzzed.length)] ^= (byte) (1 + random.nextInt(255));
            }
            assertThatThrownBy(() -> load(fuzzed)).isInstanceOf(ModelFormatException.class);
        }
    }

    @Test
    void foreignAndEmptyFilesAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> load(new byte[0])).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("not a Teachbox model");
        assertThatThrownBy(() -> load("\u0089PNG\r\n\u001a\n0000000000000000".getBytes()))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("not a Teachbox model");
    }

    @Test
    void aValidChecksumDoesNotExcuseAnAbsurdNetwork() throws IOException {
        // a well-formed file whose header claims a 4096 x 4096 input with 65536 dense units
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(raw);
        out.writeBytes("TBXMODEL");
        out.writeInt(1);
        out.writeInt(64);
        out.writeInt(4096);
        out.writeInt(4096);
        out.writeInt(1);
        out.writeByte(LayerSpec.Kind.DENSE.ordinal());
        out.writeInt(65536);
        out.writeInt(0);
        out.writeInt(0);
        out.writeInt(0);
        out.writeFloat(0f);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(raw.toByteArray());
        out.writeInt((int) crc.getValue());
        assertThatThrownBy(() -> load(raw.toByteArray())).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("out of range");
    }
}
