package org.teachbox.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.teachbox.engine.Model;
import org.teachbox.project.ModelKind;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a trained model into TF.js layers files.
 * <ul>
 *   <li>Pretrained kind: exactly the layout of Teachable Machine's image export, so that
 *   {@code tmImage.load(modelURL, metadataURL)}, ml5 and Scratch's TM extensions load it. The
 *   outer {@code Sequential} holds a {@code Sequential} (the truncated MobileNetV2 and its global
 *   average pooling) and then a {@code Sequential} head, Dense(100, relu) then Dense(N, softmax).
 *   The model takes 224 x 224 x 3 pixels scaled to pixel / 127 - 1, which is what tmImage does.</li>
 *   <li>Small CNN and digits kinds: one {@code Sequential} of the engine's layers. Their metadata
 *   says how big the picture is and how its pixels become the model's numbers.</li>
 * </ul>
 */
public final class TfjsExporter {
    /** The versions Teachable Machine's own export names; this layout is theirs. */
    static final String TFJS_VERSION = "1.3.1";
    static final String TM_VERSION = "2.4.4";
    static final String TM_PACKAGE = "@teachablemachine/image";
    static final String TM_PACKAGE_VERSION = "0.8.4-alpha2";

    private final JsonMapper json;

    public TfjsExporter(JsonMapper json) {
        this.json = json;
    }

    /** What the files say about the model besides its weights. */
    public record Description(String modelName, List<String> labels, Instant trainedAt) {}

    /** The pretrained kind: backbone (from the server's own files) plus the trained head. */
    TfjsFiles pretrained(BackbonePart backbone, Model head, Description about) {
        WeightsWriter weights = new WeightsWriter();
        for (BackbonePart.Tensor t : backbone.tensors()) {
            weights.add(t.name(), t.shape(), t.data());
        }
        List<Map<String, Object>> headLayers = new KerasLayers(weights).layers(head);

        Map<String, Object> pooling = new LinkedHashMap<>();
        pooling.put("class_name", "GlobalAveragePooling2D");
        pooling.put("config", Map.of("data_format", "channels_last",
                "name", "global_average_pooling2d_GlobalAveragePooling2D1", "trainable", true));
        List<Object> outer = new ArrayList<>();
        outer.add(sequential("sequential_1", List.of(backbone.model(), pooling)));
        outer.add(sequential("sequential_3", headLayers));
        byte[] model = modelJson(sequential("sequential_4", outer), weights);

        Map<String, Object> metadata = tmMetadata(about);
        metadata.put("imageSize", ModelKind.PRETRAINED.inputSize());
        return new TfjsFiles(model, weights.bytes(), json.writeValueAsBytes(metadata));
    }

    /** The small CNN or digits kind: the engine's layers, and metadata on the input. */
    TfjsFiles ownNetwork(ModelKind kind, Model model, Description about) {
        WeightsWriter weights = new WeightsWriter();
        List<Map<String, Object>> layers = new KerasLayers(weights).layers(model);
        byte[] modelJson = modelJson(sequential("sequential_1", layers), weights);

        Map<String, Object> metadata = tmMetadata(about);
        metadata.put("packageName", "teachbox");
        metadata.remove("packageVersion");
        metadata.remove("tmVersion");
        metadata.put("imageSize", kind.inputSize());
        metadata.put("modelKind", kind.name());
        metadata.put("input", input(kind));
        return new TfjsFiles(modelJson, weights.bytes(), json.writeValueAsBytes(metadata));
    }

    /**
     * How a picture becomes the model's input, for a program that is not Teachbox: square
     * centre crop, resize, then per pixel value = (invert ? 255 - p : p) * scale + offset, in
     * channel-last order; grey pictures use the BT.601 luma of red, green and blue.
     */
    static Map<String, Object> input(ModelKind kind) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("width", kind.inputSize());
        in.put("height", kind.inputSize());
        in.put("channels", kind.channels());
        in.put("layout", "NHWC");
        in.put("crop", "centre square, then resize");
        switch (kind) {
            case IMAGE -> {
                in.put("formula", "pixel / 255 - 0.5");
                in.put("invert", false);
                in.put("scale", 1.0 / 255);
                in.put("offset", -0.5);
                in.put("range", List.of(-0.5, 0.5));
            }
            case DIGITS -> {
                in.put("formula", "1 - luma / 255 (light ink on a dark ground, as MNIST)");
                in.put("invert", true);
                in.put("scale", 1.0 / 255);
                in.put("offset", 0.0);
                in.put("range", List.of(0.0, 1.0));
                in.put("grayscale", List.of(0.299, 0.587, 0.114));
            }
            case PRETRAINED -> {
                in.put("formula", "pixel / 127 - 1");
                in.put("invert", false);
                in.put("scale", 1.0 / 127);
                in.put("offset", -1.0);
                in.put("range", List.of(-1.0, 255.0 / 127 - 1));
            }
        }
        return in;
    }

    private Map<String, Object> tmMetadata(Description about) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tfjsVersion", TFJS_VERSION);
        m.put("tmVersion", TM_VERSION);
        m.put("packageVersion", TM_PACKAGE_VERSION);
        m.put("packageName", TM_PACKAGE);
        m.put("timeStamp", about.trainedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
        m.put("userMetadata", Map.of());
        m.put("modelName", about.modelName());
        m.put("labels", List.copyOf(about.labels()));
        return m;
    }

    private static Map<String, Object> sequential(String name, List<?> layers) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("layers", layers);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("class_name", "Sequential");
        s.put("config", config);
        return s;
    }

    private byte[] modelJson(Map<String, Object> topology, WeightsWriter weights) {
        topology.put("keras_version", "tfjs-layers " + TFJS_VERSION);
        topology.put("backend", "tensor_flow.js");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("modelTopology", topology);
        root.put("weightsManifest", weights.manifest());
        return json.writeValueAsBytes(root);
    }
}
