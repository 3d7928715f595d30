package org.teachbox.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teachbox.engine.pretrained.Backbone;
import org.teachbox.pretrained.TestBackbones;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stand-in a fresh clone tests with is a MobileNetV2 the loader takes, whose embeddings are
 * finite and tell pictures apart; where the real export is present it is the same network, layer
 * for layer and tensor for tensor, but for the numbers.
 */
class SyntheticBackboneTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void loadsAsTheBackboneWithKerasParameterCountAndGivesFiniteDistinctEmbeddings() throws Exception {
        Backbone backbone = Backbone.load(SyntheticBackbone.write(dir, 7));
        assertThat(backbone.parameterCount()).isEqualTo(410_208);
        List<float[]> pictures = SyntheticBackbone.calibrationPictures(99);
        float[] shape = backbone.embed(chw(pictures.getFirst()));
        float[] digit = backbone.embed(chw(pictures.getLast()));
        assertThat(shape).hasSize(1280);
        double differ = 0;
        double size = 0;
        for (int i = 0; i < shape.length; i++) {
            assertThat(Float.isFinite(shape[i]) && Float.isFinite(digit[i])).isTrue();
            differ += Math.abs(shape[i] - digit[i]);
            size += Math.abs(shape[i]);
        }
        assertThat(size).as("not all zero").isGreaterThan(0.1);
        assertThat(differ).as("a shape and a digit").isGreaterThan(0.1 * size);
    }

    @Test
    void isTheRealExportsNetworkButForTheNumbers() throws Exception {
        Path real = TestBackbones.real();
        BackbonePart mine = BackbonePart.read(SyntheticBackbone.write(dir, 7));
        BackbonePart theirs = BackbonePart.read(real);
        assertThat(layers(json.valueToTree(mine.model()))).isEqualTo(layers(json.valueToTree(theirs.model())));
        assertThat(shapes(mine)).isEqualTo(shapes(theirs));
    }

    private static List<String> layers(JsonNode model) {
        return model.path("config").path("layers").values().stream()
                .map(l -> l.path("name").asString() + ":" + l.path("class_name").asString() + ":"
                        + l.path("config").path("strides") + l.path("config").path("padding")
                        + l.path("config").path("filters") + " <- " + l.path("inbound_nodes").toString().replace(",{}", ""))
                .toList();
    }

    private static Map<String, List<Integer>> shapes(BackbonePart part) {
        Map<String, List<Integer>> out = new TreeMap<>();
        for (BackbonePart.Tensor t : part.tensors()) {
            out.put(t.name(), java.util.Arrays.stream(t.shape()).boxed().toList());
        }
        return out;
    }

    private static float[] chw(float[] hwc) {
        float[] out = new float[hwc.length];
        for (int p = 0; p < 224 * 224; p++) {
            for (int c = 0; c < 3; c++) {
                out[c * 224 * 224 + p] = hwc[p * 3 + c];
            }
        }
        return out;
    }
}
