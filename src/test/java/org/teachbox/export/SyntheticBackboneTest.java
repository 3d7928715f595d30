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
        float[] grey = backbone.embed(picture(0));
        float[] stripes = backbone.embed(picture(1));
        assertThat(grey).hasSize(1280);
        double differ = 0;
        double size = 0;
        for (int i = 0; i < grey.length; i++) {
            assertThat(Float.isFinite(grey[i]) && Float.isFinite(stripes[i])).isTrue();
            differ += Math.abs(grey[i] - stripes[i]);
            size += Math.abs(grey[i]);
        }
        assertThat(size).as("not all zero").isGreaterThan(1);
        assertThat(differ).as("two different pictures").isGreaterThan(0.01 * size);
    }

    @Test
    void isTheRealExportsNetworkButForTheNumbers() throws Exception {
        Path real = TestBackbones.real();
        BackbonePart mine = BackbonePart.read(SyntheticBackbone.write(dir, 7), json);
        BackbonePart theirs = BackbonePart.read(real, json);
        assertThat(layers(mine.model())).isEqualTo(layers(theirs.model()));
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

    private static float[] picture(int kind) {
        float[] chw = new float[3 * 224 * 224];
        for (int i = 0; i < chw.length; i++) {
            int x = i % 224;
            chw[i] = kind == 0 ? 0.1f : ((x / 16) % 2 == 0 ? 0.9f : -0.9f);
        }
        return chw;
    }
}
