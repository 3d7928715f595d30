package org.teachbox.engine.pretrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teachbox.engine.ModelFormatException;

/**
 * Reading TF.js layers models, on a tiny model made by src/test/resources/pretrained/make_fixtures.py:
 * every layer kind the loader supports, nested containers, weights in two groups and three
 * shard files out of layer order. Its expected outputs were computed layer by layer in PyTorch,
 * without folding anything, so they check the folding too.
 */
class TfjsModelTest {
    @TempDir
    Path temp;

    private static final Path TINY = Fixtures.tiny();

    private static List<Map<String, Object>> cases() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object c : Json.array(Json.parse(Files.readString(TINY.resolve("expected.json")), "expected.json"), "cases")) {
            out.add(Json.object(c, "case"));
        }
        return out;
    }

    private static float[] floats(Object list) throws IOException {
        List<Object> values = Json.array(list, "values");
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Json.number(values.get(i), "value");
        }
        return out;
    }

    @Test
    void theTinyModelGivesTorchsOutputsLayerForLayer() throws IOException {
        TfjsModel model = TfjsModel.read(TINY);
        Network whole = model.network();
        Network features = model.network("out_relu");
        assertThat(whole.inputShape()).containsExactly(8, 8, 3);
        assertThat(whole.outputShape()).containsExactly(1, 1, 3);
        assertThat(features.outputShape()).containsExactly(2, 2, 6);
        for (Map<String, Object> c : cases()) {
            float[] input = floats(c.get("input_hwc"));
            assertThat(features.run(input)).containsExactly(floats(c.get("out_relu_hwc")), within(1e-5f));
            assertThat(whole.run(input)).containsExactly(floats(c.get("output")), within(1e-5f));
        }
    }

    @Test
    void tensorsAreFoundByNameWhateverTheirOrderInTheManifest() throws IOException {
        TfjsModel model = TfjsModel.read(TINY);
        assertThat(model.weights()).hasSize(25);
        List<String> names = new ArrayList<>(model.weights().keySet());
        assertThat(names.indexOf("bn1/moving_mean")).isGreaterThan(names.indexOf("dense_b/kernel"));
        assertThat(model.weight("dense_b/kernel").shape()).containsExactly(5, 3);
        assertThat(model.layerNames()).contains("input_1", "pad1", "out_relu", "gap", "dense_a", "drop", "dense_b");
    }

    @Test
    void foldingKeepsTheStoredParameterCount() throws IOException {
        TfjsModel model = TfjsModel.read(TINY);
        long stored = 0;
        for (TfjsModel.Weight w : model.weights().values()) {
            stored += w.data().length;
        }
        assertThat(model.network().parameterCount()).isEqualTo(stored);
        // padding, batch norms, ReLUs and the add are folded: 6 convolutions, GAP, 2 dense, dropout, softmax
        assertThat(model.network().ops).hasSize(1 + 5 + 1 + 2 + 1 + 1);
    }

    @Test
    void anUnknownLayerClassIsRefusedByName() throws IOException {
        Path dir = Fixtures.copy(TINY, temp.resolve("m"));
        String json = Files.readString(dir.resolve("model.json")).replace("\"DepthwiseConv2D\"", "\"SeparableConv2D\"");
        Files.writeString(dir.resolve("model.json"), json);
        TfjsModel model = TfjsModel.read(dir);
        assertThatThrownBy(model::network).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("SeparableConv2D");
    }

    @Test
    void aLayerThatReadsALaterLayerIsRefused() throws IOException {
        Path dir = Fixtures.copy(TINY, temp.resolve("m"));
        String json = Files.readString(dir.resolve("model.json")).replaceFirst("\\[\\s*\"pad1\",", "[\"out_relu\",");
        Files.writeString(dir.resolve("model.json"), json);
        assertThatThrownBy(() -> TfjsModel.read(dir)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("does not come before it");
    }

    @Test
    void aShardOutsideTheModelFolderIsRefused() throws IOException {
        Path dir = Fixtures.copy(TINY, temp.resolve("m"));
        String json = Files.readString(dir.resolve("model.json")).replace("\"group2-shard1of1.bin\"", "\"../../etc/passwd\"");
        Files.writeString(dir.resolve("model.json"), json);
        assertThatThrownBy(() -> TfjsModel.read(dir)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("outside");
    }

    @Test
    void aMissingOrShortShardIsRefused() throws IOException {
        Path dir = Fixtures.copy(TINY, temp.resolve("m"));
        Files.delete(dir.resolve("group1-shard2of2.bin"));
        assertThatThrownBy(() -> TfjsModel.read(dir)).isInstanceOf(ModelFormatException.class).hasMessageContaining("missing");
        Files.write(dir.resolve("group1-shard2of2.bin"), new byte[12]);
        assertThatThrownBy(() -> TfjsModel.read(dir)).isInstanceOf(ModelFormatException.class).hasMessageContaining("bytes");
    }

    @Test
    void hugeShapesAreRefusedBeforeAnythingIsAllocated() throws IOException {
        Path dir = Fixtures.copy(TINY, temp.resolve("m"));
        Map<String, Object> root = Fixtures.readJson(dir.resolve("model.json"));
        Map<String, Object> first = Json.object(Json.array(Json.object(
                Json.array(root, "weightsManifest", "").get(0), "g"), "weights", "").get(0), "w");
        first.put("shape", List.of(65536.0, 65536.0, 65536.0));
        Fixtures.writeJson(dir.resolve("model.json"), root);
        assertThatThrownBy(() -> TfjsModel.read(dir)).isInstanceOf(ModelFormatException.class).hasMessageContaining("too large");
        first.put("shape", List.of(3.0, 3.0, -3.0, 4.0));
        Fixtures.writeJson(dir.resolve("model.json"), root);
        assertThatThrownBy(() -> TfjsModel.read(dir)).isInstanceOf(ModelFormatException.class).hasMessageContaining("dimension");
    }

    @Test
    void anAbsurdInputShapeIsRefused() throws IOException {
        Path dir = Fixtures.copy(TINY, temp.resolve("m"));
        String json = Files.readString(dir.resolve("model.json")).replaceFirst("\"batch_input_shape\": \\[\\s*null,\\s*8,\\s*8,",
                "\"batch_input_shape\": [null, 3000, 3000,");
        Files.writeString(dir.resolve("model.json"), json);
        TfjsModel model = TfjsModel.read(dir);
        assertThatThrownBy(model::network).isInstanceOf(ModelFormatException.class).hasMessageContaining("out of range");
    }

    @Test
    void quantizedOrNonFloatWeightsAreRefused() throws IOException {
        Path dir = Fixtures.copy(TINY, temp.resolve("m"));
        Map<String, Object> root = Fixtures.readJson(dir.resolve("model.json"));
        Map<String, Object> first = Json.object(Json.array(Json.object(
                Json.array(root, "weightsManifest", "").get(0), "g"), "weights", "").get(0), "w");
        first.put("dtype", "int32");
        Fixtures.writeJson(dir.resolve("model.json"), root);
        assertThatThrownBy(() -> TfjsModel.read(dir)).isInstanceOf(ModelFormatException.class).hasMessageContaining("int32");
        first.put("dtype", "float32");
        first.put("quantization", Map.of("dtype", "uint8", "scale", 0.1, "min", -1.0));
        Fixtures.writeJson(dir.resolve("model.json"), root);
        assertThatThrownBy(() -> TfjsModel.read(dir)).isInstanceOf(ModelFormatException.class).hasMessageContaining("quantized");
    }
}
