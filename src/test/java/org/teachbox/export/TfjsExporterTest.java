package org.teachbox.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teachbox.engine.Model;
import org.teachbox.engine.Presets;
import org.teachbox.engine.pretrained.Backbone;
import org.teachbox.engine.pretrained.TfjsModel;
import org.teachbox.project.ModelKind;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export's files, read back: the pretrained export has Teachable Machine's layout and the
 * very backbone the server runs, and the small CNN's weights come out in TF.js's channel-last
 * order. (That the numbers are right end to end is ModelExportIT's job, in Chromium.)
 */
class TfjsExporterTest {

    private static final Path TM = org.teachbox.pretrained.TestBackbones.forStructure();
    private final JsonMapper json = JsonMapper.builder().build();
    private final TfjsExporter exporter = new TfjsExporter(json);

    @TempDir
    Path dir;

    @Test
    void pretrainedExportHasTeachableMachinesLayoutAndTheServersBackboneByteForByte() throws Exception {
        Model head = Presets.transferHead(3, 1280, 5);
        TfjsFiles files = exporter.pretrained(BackbonePart.read(TM), head,
                new TfjsExporter.Description("Pets", List.of("cat", "dog", "fish"), Instant.parse("2026-12-01T10:00:00Z")));
        write(files);

        JsonNode mine = json.readTree(files.modelJson()).path("modelTopology");
        JsonNode theirs = json.readTree(Files.readAllBytes(TM.resolve("model.json"))).path("modelTopology");
        assertThat(classNames(mine)).isEqualTo(classNames(theirs)).containsExactly("Sequential", "Sequential");
        assertThat(classNames(mine.path("config").path("layers").get(0))).containsExactly("Model", "GlobalAveragePooling2D");
        assertThat(mine.path("config").path("layers").get(0).path("config").path("layers").get(0))
                .as("the MobileNet node, copied as it is").isEqualTo(
                        theirs.path("config").path("layers").get(0).path("config").path("layers").get(0));
        JsonNode headLayers = mine.path("config").path("layers").get(1).path("config").path("layers");
        assertThat(headLayers.get(0).path("config").path("units").asInt()).isEqualTo(100);
        assertThat(headLayers.get(0).path("config").path("activation").asString()).isEqualTo("relu");
        assertThat(headLayers.get(1).path("config").path("units").asInt()).isEqualTo(3);
        assertThat(headLayers.get(1).path("config").path("activation").asString()).isEqualTo("softmax");

        // the engine's own loader takes the export as a backbone, and it is the same one
        assertThat(Backbone.load(dir).fingerprint()).isEqualTo(Backbone.load(TM).fingerprint());
        TfjsModel source = TfjsModel.read(TM);
        TfjsModel exported = TfjsModel.read(dir);
        for (TfjsModel.Weight w : source.weights().values()) {
            if (!w.name().startsWith("dense_")) {
                assertThat(exported.weight(w.name()).data()).as(w.name()).isEqualTo(w.data());
            }
        }
        assertThat(exported.weight("dense_Dense1/kernel").data()).isEqualTo(head.parameters().get(0).data);

        JsonNode metadata = json.readTree(files.metadataJson());
        assertThat(metadata.path("packageName").asString()).isEqualTo("@teachablemachine/image");
        assertThat(metadata.path("imageSize").asInt()).isEqualTo(224);
        assertThat(metadata.path("modelName").asString()).isEqualTo("Pets");
        assertThat(metadata.path("timeStamp").asString()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(metadata.path("labels").values()).extracting(JsonNode::asString).containsExactly("cat", "dog", "fish");
        for (String key : List.of("tfjsVersion", "tmVersion", "packageVersion", "userMetadata")) {
            assertThat(metadata.has(key)).as(key).isTrue();
        }
    }

    @Test
    void smallCnnWeightsAreWrittenChannelLastAndTheFirstDenseReadsHwcOrder() throws Exception {
        Model cnn = Presets.refCnn(2, 16, 3, 9);
        TfjsFiles files = exporter.ownNetwork(ModelKind.IMAGE, cnn,
                new TfjsExporter.Description("cnn", List.of("a", "b"), Instant.EPOCH));
        write(files);
        TfjsModel read = TfjsModel.read(dir);

        float[] engine = cnn.parameters().get(0).data; // conv 1: [16][3][3][3]
        TfjsModel.Weight kernel = read.weight("conv2d_Conv2D1/kernel");
        assertThat(kernel.shape()).containsExactly(3, 3, 3, 16);
        // filter 5, channel 2, row 1, column 0
        assertThat(kernel.data()[((1 * 3 + 0) * 3 + 2) * 16 + 5]).isEqualTo(engine[((5 * 3 + 2) * 3 + 1) * 3 + 0]);

        // after three 2x2 pools a 16 px picture is 64 x 2 x 2; dense row (c, y, x) moves to (y, x, c)
        float[] dense = cnn.parameters().get(6).data;
        TfjsModel.Weight d = read.weight("dense_Dense1/kernel");
        assertThat(d.shape()).containsExactly(256, 64);
        int c = 7, y = 1, x = 0, unit = 11;
        assertThat(d.data()[((y * 2 + x) * 64 + c) * 64 + unit]).isEqualTo(dense[((c * 2 + y) * 2 + x) * 64 + unit]);

        JsonNode layers = json.readTree(files.modelJson()).path("modelTopology").path("config").path("layers");
        assertThat(classNames(json.readTree(files.modelJson()).path("modelTopology"))).containsExactly(
                "Conv2D", "MaxPooling2D", "Conv2D", "MaxPooling2D", "Conv2D", "MaxPooling2D", "Flatten", "Dense", "Dense");
        assertThat(layers.get(0).path("config").path("batch_input_shape").values()).extracting(JsonNode::toString)
                .containsExactly("null", "16", "16", "3");
        assertThat(layers.get(8).path("config").path("activation").asString()).isEqualTo("softmax");
        assertThat(files.weightsBin().length).isEqualTo(4 * (int) cnn.parameterCount());
        assertThat(ByteBuffer.wrap(files.weightsBin()).order(ByteOrder.LITTLE_ENDIAN).getFloat(0))
                .isEqualTo(kernel.data()[0]);
    }

    private void write(TfjsFiles files) throws Exception {
        Files.write(dir.resolve(TfjsFiles.MODEL), files.modelJson());
        Files.write(dir.resolve(TfjsFiles.WEIGHTS), files.weightsBin());
        Files.write(dir.resolve(TfjsFiles.METADATA), files.metadataJson());
    }

    private static List<String> classNames(JsonNode sequential) {
        return sequential.path("config").path("layers").values().stream().map(l -> l.path("class_name").asString()).toList();
    }
}
