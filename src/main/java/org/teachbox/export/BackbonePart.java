package org.teachbox.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.teachbox.engine.ModelFormatException;
import org.teachbox.engine.pretrained.TfjsModel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The frozen MobileNetV2 as Teachable Machine's export carries it, taken from the very files the
 * server's backbone was loaded from: the functional {@code Model} up to {@code out_relu}, its
 * topology copied node for node, and its tensors copied byte for byte (no float goes through a
 * conversion, so the exported backbone is the server's). A Teachable Machine image export has
 * that model nested in Sequentials with a head after it; TM's hosted headless model has it at
 * the top. Both are found by looking for the container that holds {@code out_relu}.
 */
final class BackbonePart {
    private static final String OUTPUT = "out_relu";

    /** One tensor of the backbone: its name, shape and float32 bytes as the file has them. */
    record Tensor(String name, int[] shape, byte[] raw) {}

    private final JsonNode model;
    private final List<Tensor> tensors;

    private BackbonePart(JsonNode model, List<Tensor> tensors) {
        this.model = model;
        this.tensors = tensors;
    }

    /** The functional model node ({@code class_name}, {@code config}), ending at out_relu. */
    JsonNode model() {
        return model;
    }

    List<Tensor> tensors() {
        return tensors;
    }

    static BackbonePart read(Path dir, JsonMapper json) throws IOException {
        JsonNode root = json.readTree(readBounded(dir.resolve(TfjsFiles.MODEL), TfjsModel.MAX_JSON_BYTES));
        JsonNode topology = root.path("modelTopology");
        if (topology.has("model_config")) {
            topology = topology.get("model_config");
        }
        ObjectNode functional = findFunctional(topology, 0);
        if (functional == null) {
            throw new ModelFormatException("the backbone's model.json has no model with a layer " + OUTPUT);
        }
        ObjectNode copy = truncated(functional.deepCopy());
        Set<String> layerNames = new HashSet<>();
        for (JsonNode layer : copy.path("config").path("layers")) {
            layerNames.add(layer.path("name").asString());
        }
        return new BackbonePart(copy, tensors(dir, root.path("weightsManifest"), layerNames));
    }

    /** The Model/Functional container that has a layer called out_relu, searched depth first. */
    private static ObjectNode findFunctional(JsonNode node, int depth) {
        if (depth > 16 || node == null || !node.isObject()) {
            return null;
        }
        String cls = node.path("class_name").asString("");
        JsonNode config = node.path("config");
        JsonNode layers = config.isArray() ? config : config.path("layers");
        if (cls.equals("Model") || cls.equals("Functional")) {
            for (JsonNode layer : layers) {
                if (OUTPUT.equals(layer.path("name").asString(null))) {
                    return (ObjectNode) node;
                }
            }
        }
        for (JsonNode layer : layers) {
            ObjectNode found = findFunctional(layer, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * The model with every layer after out_relu dropped and out_relu made its output. Keras lists
     * a functional model's layers so that each comes after its inputs, and every MobileNetV2 layer
     * before out_relu feeds it, so cutting the list there keeps exactly what out_relu needs.
     */
    private static ObjectNode truncated(ObjectNode model) {
        ObjectNode config = (ObjectNode) model.get("config");
        ArrayNode layers = (ArrayNode) config.get("layers");
        int end = 0;
        while (end < layers.size() && !OUTPUT.equals(layers.get(end).path("name").asString(null))) {
            end++;
        }
        while (layers.size() > end + 1) {
            layers.remove(layers.size() - 1);
        }
        ArrayNode outputs = config.putArray("output_layers");
        outputs.addArray().add(OUTPUT).add(0).add(0);
        return model;
    }

    /** The manifest's tensors that belong to the backbone's layers (a TM export also has a head). */
    private static List<Tensor> tensors(Path dir, JsonNode manifest, Set<String> layerNames) throws IOException {
        List<Tensor> out = new ArrayList<>();
        long total = 0;
        for (JsonNode group : manifest) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            for (JsonNode path : group.path("paths")) {
                String name = path.asString();
                Path shard = dir.resolve(name).normalize();
                if (!shard.startsWith(dir.normalize()) || name.isEmpty()) {
                    throw new ModelFormatException("weight file " + name + " lies outside the backbone's folder");
                }
                byte[] bytes = readBounded(shard, TfjsModel.MAX_WEIGHT_BYTES - total);
                total += bytes.length;
                data.writeBytes(bytes);
            }
            byte[] all = data.toByteArray();
            int offset = 0;
            for (JsonNode spec : group.path("weights")) {
                String name = spec.path("name").asString();
                JsonNode dims = spec.path("shape");
                int[] shape = new int[dims.size()];
                long count = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = dims.get(i).asInt();
                    count *= shape[i];
                }
                int bytes = Math.toIntExact(4 * count);
                if (offset + bytes > all.length) {
                    throw new ModelFormatException("the backbone's weight files end before tensor " + name);
                }
                int slash = name.indexOf('/');
                if (slash > 0 && layerNames.contains(name.substring(0, slash))) {
                    byte[] raw = new byte[bytes];
                    System.arraycopy(all, offset, raw, 0, bytes);
                    out.add(new Tensor(name, shape, raw));
                }
                offset += bytes;
            }
        }
        if (out.isEmpty()) {
            throw new ModelFormatException("the backbone's weights manifest has none of its layers' tensors");
        }
        return List.copyOf(out);
    }

    private static byte[] readBounded(Path file, long max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new ModelFormatException(file.getFileName() + " is larger than " + max + " bytes");
            }
            return bytes;
        }
    }
}
