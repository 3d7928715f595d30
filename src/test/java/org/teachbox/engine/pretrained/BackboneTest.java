package org.teachbox.engine.pretrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teachbox.engine.LayerSummary;
import org.teachbox.engine.ModelFormatException;

/**
 * Teachable Machine's real MobileNetV2 against tm_reference.py: the embeddings of three committed
 * pictures must match PyTorch's (src/test/resources/pretrained/embeddings.json) to 1e-3. The
 * backbone itself is not committed; see {@link Fixtures#backboneDir()} for where it is found.
 */
class BackboneTest {
    private static final double TOLERANCE = 1e-3;

    private static Path dir;
    private static Backbone backbone;
    private static Map<String, float[]> pictures;
    private static Map<String, float[]> torch;

    @TempDir
    Path temp;

    @BeforeAll
    static void load() throws IOException {
        dir = Fixtures.backboneDir();
        backbone = Backbone.load(dir);
        pictures = new LinkedHashMap<>();
        torch = new LinkedHashMap<>();
        Map<String, Object> table = Fixtures.readJson(Fixtures.resource("embeddings.json"));
        for (Map.Entry<String, Object> e : table.entrySet()) {
            pictures.put(e.getKey(), tmInput(Fixtures.resource("pictures/" + e.getKey())));
            List<Object> values = Json.array(e.getValue(), e.getKey());
            float[] v = new float[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) Json.number(values.get(i), "value");
            }
            torch.put(e.getKey(), v);
        }
    }

    /** Teachable Machine's preprocessing of a 224 x 224 picture: pixel / 127 - 1, channel-major. */
    static float[] tmInput(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        int size = 224;
        assertThat(image.getWidth()).isEqualTo(size);
        float[] chw = new float[3 * size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = image.getRGB(x, y);
                chw[y * size + x] = ((rgb >> 16) & 0xFF) / 127f - 1f;
                chw[size * size + y * size + x] = ((rgb >> 8) & 0xFF) / 127f - 1f;
                chw[2 * size * size + y * size + x] = (rgb & 0xFF) / 127f - 1f;
            }
        }
        return chw;
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Test
    void embeddingsMatchPyTorchOnTheCommittedPictures() {
        assertThat(pictures).hasSizeGreaterThanOrEqualTo(3);
        for (String name : pictures.keySet()) {
            float[] e = backbone.embed(pictures.get(name));
            assertThat(e).hasSize(1280);
            assertThat(maxAbsDiff(e, torch.get(name))).as(name).isLessThanOrEqualTo(TOLERANCE);
        }
    }

    @Test
    void differentPicturesGiveDifferentEmbeddings() {
        List<float[]> all = new ArrayList<>();
        for (float[] p : pictures.values()) {
            all.add(backbone.embed(p));
        }
        assertThat(maxAbsDiff(all.get(0), all.get(1))).isGreaterThan(0.1);
    }

    @Test
    void reportsItsSizesAndTheKerasParameterCount() {
        assertThat(backbone.inputSize()).isEqualTo(224);
        assertThat(backbone.embeddingSize()).isEqualTo(1280);
        assertThat(backbone.parameterCount()).isEqualTo(410_208);
        assertThat(backbone.fingerprint()).matches("[0-9a-f]{16}");
    }

    @Test
    void summaryRowsAddUpToTheParameterCountAndEndInTheEmbedding() {
        List<LayerSummary> rows = backbone.summary();
        assertThat(rows).hasSizeBetween(5, 24);
        assertThat(rows.get(0).name()).contains("mobilenet_v2 (frozen)");
        assertThat(rows.stream().mapToLong(LayerSummary::parameters).sum()).isEqualTo(410_208);
        assertThat(rows.get(rows.size() - 2).outputShape()).containsExactly(1280, 7, 7);
        assertThat(rows.get(rows.size() - 1).outputShape()).containsExactly(1280);
    }

    @Test
    void theOtherExportGivesTheSameFingerprintAndEmbeddings() throws IOException {
        Path other = dir.resolveSibling(dir.getFileName().toString().endsWith("-a") ? "tm-export-b" : "tm-export-a");
        assumeThat(Files.isDirectory(other)).as(other + " exists").isTrue();
        Backbone b = Backbone.load(other);
        assertThat(b.fingerprint()).isEqualTo(backbone.fingerprint());
        assertThat(b.parameterCount()).isEqualTo(backbone.parameterCount());
        for (float[] p : pictures.values()) {
            assertThat(b.embed(p)).containsExactly(backbone.embed(p));
        }
    }

    @Test
    void aBatchOnSeveralThreadsGivesExactlyTheOneByOneNumbers() {
        float[][] batch = pictures.values().toArray(new float[0][]);
        float[][] one = new float[batch.length][];
        for (int i = 0; i < batch.length; i++) {
            one[i] = backbone.embed(batch[i]);
        }
        for (int threads : new int[] {1, 2, 3, 5}) { // 5 > pictures: each picture split by rows
            float[][] many = backbone.embed(batch, threads);
            for (int i = 0; i < batch.length; i++) {
                assertThat(many[i]).as(threads + " threads, picture " + i).containsExactly(one[i]);
            }
        }
        assertThat(backbone.embed(new float[][] {batch[0]}, 2)[0]).containsExactly(one[0]);
    }

    @Test
    void aPictureOfTheWrongSizeIsRefused() {
        assertThatThrownBy(() -> backbone.embed(new float[3 * 224 * 223])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backbone.embed(new float[][] {new float[10]}, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    /** TM's hosted headless model: the functional Model itself is the topology, weights in shards. */
    @Test
    void theHostedHeadlessLayoutInShardsGivesTheSameBackbone() throws IOException {
        Map<String, Object> root = Fixtures.readJson(dir.resolve("model.json"));
        Map<String, Object> model = findModel(root.get("modelTopology"));
        Map<String, Object> hosted = new LinkedHashMap<>();
        hosted.put("modelTopology", Map.of("keras_version", "2.2.4", "backend", "tensorflow", "model_config", model));
        List<Object> weights = new ArrayList<>();
        for (Object w : Json.array(Json.object(Json.array(root, "weightsManifest", "").get(0), "g"), "weights", "")) {
            String name = Json.string(Json.object(w, "w"), "name", "w");
            if (!name.startsWith("dense")) {
                weights.add(0, w); // reversed order, as a different exporter might write
            }
        }
        TfjsModel source = TfjsModel.read(dir);
        java.io.ByteArrayOutputStream blob = new java.io.ByteArrayOutputStream();
        for (Object w : weights) {
            float[] data = source.weight(Json.string(Json.object(w, "w"), "name", "w")).data();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(4 * data.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(data);
            blob.writeBytes(bytes.array());
        }
        byte[] all = blob.toByteArray();
        Path out = Files.createDirectories(temp.resolve("hosted"));
        int shards = 3;
        List<Object> paths = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            String file = "group1-shard" + (s + 1) + "of" + shards;
            Files.write(out.resolve(file), java.util.Arrays.copyOfRange(all, all.length * s / shards, all.length * (s + 1) / shards));
            paths.add(file);
        }
        hosted.put("weightsManifest", List.of(Map.of("paths", paths, "weights", weights)));
        Fixtures.writeJson(out.resolve("model.json"), hosted);

        Backbone b = Backbone.load(out);
        assertThat(b.fingerprint()).isEqualTo(backbone.fingerprint());
        float[] p = pictures.values().iterator().next();
        assertThat(b.embed(p)).containsExactly(backbone.embed(p));
    }

    private static Map<String, Object> findModel(Object node) throws ModelFormatException {
        if (node instanceof Map<?, ?> map) {
            if ("Model".equals(map.get("class_name"))) {
                return Json.object(map, "model");
            }
            for (Object v : map.values()) {
                Map<String, Object> found = findModel(v);
                if (found != null) {
                    return found;
                }
            }
        } else if (node instanceof List<?> list) {
            for (Object v : list) {
                Map<String, Object> found = findModel(v);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void aModelWithoutOutReluOrWithTheWrongInputIsRefused() throws IOException {
        assertThatThrownBy(() -> Backbone.load(Fixtures.tiny())).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("224");
        Path copy = Fixtures.copy(dir, temp.resolve("renamed"));
        Files.writeString(copy.resolve("model.json"), Files.readString(copy.resolve("model.json")).replace("out_relu", "out_x"));
        assertThatThrownBy(() -> Backbone.load(copy)).isInstanceOf(ModelFormatException.class).hasMessageContaining("out_relu");
    }

    @Test
    void corruptedCopiesOfTheRealFilesAreRefusedCleanlyOrStillLoad() throws IOException {
        Path copy = Fixtures.copy(dir, temp.resolve("fuzz"));
        byte[] json = Files.readAllBytes(dir.resolve("model.json"));
        // weights.bin in a TM export, the first shard in scripts/get-backbone.sh's download
        String shard;
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            shard = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".bin") || n.startsWith("group"))
                    .sorted().findFirst().orElseThrow();
        }
        byte[] weights = Files.readAllBytes(dir.resolve(shard));
        SplittableRandom random = new SplittableRandom(9);
        for (int trial = 0; trial < 24; trial++) {
            boolean cut = trial % 2 == 0;
            boolean inJson = trial % 4 < 2;
            byte[] bytes = (inJson ? json : weights).clone();
            if (cut) {
                bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            } else {
                bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
            }
            Files.write(copy.resolve(inJson ? "model.json" : shard), bytes);
            try {
                Backbone.load(copy).embed(new float[3 * 224 * 224]);
                assertThat(cut).as("a truncated file loaded").isFalse();
            } catch (ModelFormatException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
            Files.write(copy.resolve("model.json"), json);
            Files.write(copy.resolve(shard), weights);
        }
    }
}
