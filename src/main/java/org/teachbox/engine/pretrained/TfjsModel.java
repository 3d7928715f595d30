package org.teachbox.engine.pretrained;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teachbox.engine.ModelFormatException;

/**
 * A TensorFlow.js layers model as it sits on disk: {@code model.json} (the Keras topology and a
 * {@code weightsManifest}) plus the binary shard files the manifest names. This is the format
 * Teachable Machine exports and hosts, so reading it lets the engine run TM's own MobileNetV2.
 *
 * <p>Weights: every manifest group lists shard files, which are concatenated, and then a list of
 * tensors (name, shape, dtype) that follow each other in that byte stream. The order is not
 * layer order (TM stores all batch-norm statistics after the head), so tensors are kept by name.
 *
 * <p>Topology: nested {@code Sequential} and functional {@code Model} containers are flattened
 * into one list of {@link Node}s in which every layer names the layers it reads. A nested
 * container's input layer becomes an alias of whatever feeds the container.
 * {@link #network(String)} turns that list into something that runs.
 *
 * <p>Every size read is bounded (file bytes, JSON depth and length, layer and tensor counts,
 * tensor ranks and dimensions, total floats). Anything malformed, truncated, oversized or
 * unsupported ends in a {@link ModelFormatException} that says what was wrong.
 */
public final class TfjsModel {
    public static final int MAX_JSON_BYTES = 16 << 20;
    public static final long MAX_WEIGHT_BYTES = 256L << 20;
    static final int MAX_LAYERS = 4096;
    static final int MAX_TENSORS = 16384;
    static final int MAX_RANK = 6;
    static final int MAX_DIM = 1 << 16;

    /** One weight tensor from the manifest: its name, shape and float32 values (row-major). */
    public record Weight(String name, int[] shape, float[] data) {}

    /** One layer of the flattened topology; inputs name other nodes of the same model. */
    record Node(String name, String className, Map<String, Object> config, List<String> inputs) {}

    private final Map<String, Weight> weights;
    private final List<Node> nodes;
    private final String output;
    private final Map<String, Object> topology;

    private TfjsModel(Map<String, Weight> weights, List<Node> nodes, String output, Map<String, Object> topology) {
        this.weights = weights;
        this.nodes = nodes;
        this.output = output;
        this.topology = topology;
    }

    /** Reads dir/model.json and the weight files it lists. */
    public static TfjsModel read(Path dir) throws IOException {
        Path json = dir.resolve("model.json");
        byte[] bytes = readBounded(json, MAX_JSON_BYTES);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ModelFormatException("model.json is not UTF-8 text");
        }
        Map<String, Object> root = Json.object(Json.parse(text, "model.json"), "model.json");
        Map<String, Weight> weights = readWeights(dir, Json.array(root, "weightsManifest", "model.json"));
        Object topology = root.get("modelTopology");
        Map<String, Object> top = Json.object(topology, "model.json.modelTopology");
        if (top.containsKey("model_config")) {
            top = Json.object(top, "model_config", "modelTopology"); // the Keras-converter layout
        }
        Flattener flat = new Flattener();
        String output = flat.container(top, null, 0);
        return new TfjsModel(Collections.unmodifiableMap(weights), List.copyOf(flat.nodes), output, top);
    }

    /**
     * A fresh copy of the Keras topology as the file has it (the container under
     * {@code modelTopology}, or under its {@code model_config}): maps in file order, lists,
     * strings, booleans, {@code Long} for numbers written without a fraction, {@code Double}
     * for the others, and Java null for JSON null. The exporter copies the backbone's part of it.
     */
    public Map<String, Object> topology() {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) copy(topology);
        return copy;
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, copy(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(copy(v)));
            return out;
        }
        return value == Json.NULL ? null : value;
    }

    /** All tensors, in manifest order. */
    public Map<String, Weight> weights() {
        return weights;
    }

    /** The tensor called name, or a ModelFormatException saying it is missing. */
    public Weight weight(String name) throws ModelFormatException {
        Weight w = weights.get(name);
        if (w == null) {
            throw new ModelFormatException("the weights have no tensor called " + name);
        }
        return w;
    }

    /** The names of all layers, after flattening nested containers, in an order where inputs come first. */
    public List<String> layerNames() {
        List<String> names = new ArrayList<>();
        for (Node n : nodes) {
            names.add(n.name());
        }
        return names;
    }

    List<Node> nodes() {
        return nodes;
    }

    /** The network from the model's input up to and including the layer called outputLayer. */
    public Network network(String outputLayer) throws ModelFormatException {
        return NetworkBuilder.build(this, outputLayer);
    }

    /** The whole model, input to final output. */
    public Network network() throws ModelFormatException {
        return network(output);
    }

    // ---- weights ----

    private static Map<String, Weight> readWeights(Path dir, List<Object> manifest) throws IOException {
        Map<String, Weight> out = new LinkedHashMap<>();
        long totalBytes = 0;
        for (int g = 0; g < manifest.size(); g++) {
            String what = "weightsManifest[" + g + "]";
            Map<String, Object> group = Json.object(manifest.get(g), what);
            List<Object> paths = Json.array(group, "paths", what);
            List<Object> specs = Json.array(group, "weights", what);
            if (paths.isEmpty() || paths.size() > 1024) {
                throw new ModelFormatException(what + " should list 1 to 1024 weight files");
            }
            if (out.size() + specs.size() > MAX_TENSORS) {
                throw new ModelFormatException("more than " + MAX_TENSORS + " weight tensors");
            }
            long groupBytes = 0;
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                Path file = shard(dir, Json.string(paths.get(i), what + ".paths[" + i + "]"));
                long size = size(file);
                groupBytes += size;
                if (totalBytes + groupBytes > MAX_WEIGHT_BYTES) {
                    throw new ModelFormatException("weight files are larger than " + (MAX_WEIGHT_BYTES >> 20) + " MB");
                }
                files.add(file);
            }
            long needed = 0;
            List<String> names = new ArrayList<>();
            List<int[]> shapes = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                String w = what + ".weights[" + i + "]";
                Map<String, Object> spec = Json.object(specs.get(i), w);
                String name = Json.string(spec, "name", w);
                String dtype = Json.optionalString(spec, "dtype", "float32", w);
                if (!dtype.equals("float32")) {
                    throw new ModelFormatException("tensor " + name + " has dtype " + dtype + "; only float32 is supported");
                }
                if (spec.containsKey("quantization")) {
                    throw new ModelFormatException("tensor " + name + " is quantized; only float32 weights are supported");
                }
                int[] shape = shape(Json.array(spec, "shape", w), name);
                names.add(name);
                shapes.add(shape);
                needed += 4 * count(shape);
                if (needed > groupBytes) {
                    throw new ModelFormatException(what + ": its tensors need more bytes than its "
                            + groupBytes + "-byte weight files hold (truncated?)");
                }
            }
            if (needed != groupBytes) {
                throw new ModelFormatException(what + ": its tensors need " + needed + " bytes but its weight files hold "
                        + groupBytes);
            }
            totalBytes += groupBytes;
            ByteBuffer data = ByteBuffer.allocate((int) groupBytes).order(ByteOrder.LITTLE_ENDIAN);
            for (Path file : files) {
                byte[] chunk = readBounded(file, data.remaining());
                data.put(chunk);
            }
            if (data.hasRemaining()) {
                throw new ModelFormatException(what + ": a weight file changed size while it was read");
            }
            data.flip();
            for (int i = 0; i < names.size(); i++) {
                float[] values = new float[(int) count(shapes.get(i))];
                data.asFloatBuffer().get(values);
                data.position(data.position() + 4 * values.length);
                if (out.put(names.get(i), new Weight(names.get(i), shapes.get(i), values)) != null) {
                    throw new ModelFormatException("two weight tensors are called " + names.get(i));
                }
            }
        }
        return out;
    }

    /** A shard path from the manifest, kept inside dir. */
    private static Path shard(Path dir, String name) throws ModelFormatException {
        Path base = dir.toAbsolutePath().normalize();
        Path file;
        try {
            file = base.resolve(name).normalize();
        } catch (RuntimeException e) {
            throw new ModelFormatException("weight file name is not a path: " + name);
        }
        if (name.isEmpty() || !file.startsWith(base) || file.equals(base)) {
            throw new ModelFormatException("weight file " + name + " lies outside the model's folder");
        }
        return file;
    }

    private static int[] shape(List<Object> dims, String name) throws ModelFormatException {
        if (dims.size() > MAX_RANK) {
            throw new ModelFormatException("tensor " + name + " has more than " + MAX_RANK + " dimensions");
        }
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = Json.integer(dims.get(i), 0, MAX_DIM, "dimension " + i + " of tensor " + name);
        }
        if (count(shape) * 4 > MAX_WEIGHT_BYTES) {
            throw new ModelFormatException("tensor " + name + " is too large");
        }
        return shape;
    }

    /** Number of elements, saturating just above the byte limit so that it never overflows. */
    static long count(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
            if (n > MAX_WEIGHT_BYTES) {
                return MAX_WEIGHT_BYTES + 1; // saturate: the caller rejects it
            }
        }
        return n;
    }

    private static long size(Path file) throws IOException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new ModelFormatException("weight file " + file.getFileName() + " is missing");
            }
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException("weight file " + file.getFileName() + " is missing");
        }
    }

    /** The whole file, refusing one longer than max bytes without reading past it. */
    private static byte[] readBounded(Path file, long max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new ModelFormatException(file.getFileName() + " is larger than expected (" + max + " bytes)");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(file.getFileName() + " is missing");
        }
    }

    // ---- topology ----

    /** Flattens nested containers into nodes; a container returns the name of the node that is its output. */
    private static final class Flattener {
        final List<Node> nodes = new ArrayList<>();
        final Map<String, Node> byName = new HashMap<>();

        /** feed is the node that feeds this container, or null for the outermost one. */
        String container(Map<String, Object> layer, String feed, int depth) throws ModelFormatException {
            if (depth > 16) {
                throw new ModelFormatException("containers nested more than 16 deep");
            }
            String cls = Json.string(layer, "class_name", "layer");
            return switch (cls) {
                case "Sequential" -> sequential(layer, feed, depth);
                case "Model", "Functional" -> functional(layer, feed, depth);
                default -> throw new ModelFormatException("the model's topology is a " + cls
                        + ", not a Sequential or Model");
            };
        }

        private String sequential(Map<String, Object> layer, String feed, int depth) throws ModelFormatException {
            Object config = layer.get("config");
            List<Object> layers = config instanceof List<?>
                    ? Json.array(config, "Sequential.config")
                    : Json.array(Json.object(config, "Sequential.config"), "layers", "Sequential.config");
            String prev = feed;
            for (int i = 0; i < layers.size(); i++) {
                Map<String, Object> child = Json.object(layers.get(i), "Sequential layer " + i);
                String cls = Json.string(child, "class_name", "Sequential layer " + i);
                if (cls.equals("Sequential") || cls.equals("Model") || cls.equals("Functional")) {
                    prev = container(child, prev, depth + 1);
                    continue;
                }
                Map<String, Object> cfg = Json.object(child, "config", "layer " + cls);
                String name = Json.optionalString(cfg, "name", null, "layer " + cls);
                if (name == null) {
                    name = Json.string(child, "name", "layer " + cls);
                }
                if (cls.equals("InputLayer")) {
                    if (prev == null) {
                        prev = add(new Node(name, cls, cfg, List.of()));
                    }
                    continue;
                }
                if (prev == null) {
                    // the first layer of an outermost Sequential carries the input shape itself
                    prev = add(new Node(name + "_input", "InputLayer", cfg, List.of()));
                }
                prev = add(new Node(name, cls, cfg, List.of(prev)));
            }
            if (prev == null) {
                throw new ModelFormatException("an empty Sequential has no input");
            }
            return prev;
        }

        private String functional(Map<String, Object> layer, String feed, int depth) throws ModelFormatException {
            Map<String, Object> config = Json.object(layer, "config", "Model");
            List<Object> layers = Json.array(config, "layers", "Model.config");
            Map<String, String> alias = new HashMap<>(); // a layer name inside this container -> node name
            List<Object> inputLayers = Json.array(config, "input_layers", "Model.config");
            List<Object> outputLayers = Json.array(config, "output_layers", "Model.config");
            if (inputLayers.size() != 1 || outputLayers.size() != 1) {
                throw new ModelFormatException("only models with one input and one output are supported");
            }
            String inputName = layerRef(inputLayers.get(0), "Model.config.input_layers[0]");
            for (int i = 0; i < layers.size(); i++) {
                String what = "Model layer " + i;
                Map<String, Object> child = Json.object(layers.get(i), what);
                String cls = Json.string(child, "class_name", what);
                String name = Json.string(child, "name", what);
                List<String> inputs = new ArrayList<>();
                List<Object> inbound = Json.optionalArray(child, "inbound_nodes", what);
                if (inbound.size() > 1) {
                    throw new ModelFormatException("layer " + name + " is called more than once (shared layers are not supported)");
                }
                if (!inbound.isEmpty()) {
                    List<Object> calls = Json.array(inbound.get(0), what + ".inbound_nodes[0]");
                    for (Object call : calls) {
                        String from = layerRef(call, what + ".inbound_nodes[0][]");
                        String node = alias.get(from);
                        if (node == null) {
                            throw new ModelFormatException("layer " + name + " reads " + from
                                    + ", which does not come before it");
                        }
                        inputs.add(node);
                    }
                }
                if (cls.equals("InputLayer")) {
                    if (!name.equals(inputName)) {
                        throw new ModelFormatException("input layer " + name + " is not the model's input");
                    }
                    alias.put(name, feed != null ? feed
                            : add(new Node(name, cls, Json.object(child, "config", what), List.of())));
                    continue;
                }
                if (inputs.isEmpty()) {
                    throw new ModelFormatException("layer " + name + " has no input");
                }
                if (cls.equals("Sequential") || cls.equals("Model") || cls.equals("Functional")) {
                    if (inputs.size() != 1) {
                        throw new ModelFormatException("nested model " + name + " must have one input");
                    }
                    alias.put(name, container(child, inputs.get(0), depth + 1));
                    continue;
                }
                alias.put(name, add(new Node(name, cls, Json.object(child, "config", what), List.copyOf(inputs))));
            }
            String outName = layerRef(outputLayers.get(0), "Model.config.output_layers[0]");
            String out = alias.get(outName);
            if (out == null) {
                throw new ModelFormatException("the model's output layer " + outName + " is not one of its layers");
            }
            return out;
        }

        /** The layer name in a Keras reference such as ["block_1_project_BN", 0, 0, {}]. */
        private static String layerRef(Object ref, String what) throws ModelFormatException {
            List<Object> parts = Json.array(ref, what);
            if (parts.isEmpty()) {
                throw new ModelFormatException(what + " is empty");
            }
            return Json.string(parts.get(0), what + "[0]");
        }

        private String add(Node node) throws ModelFormatException {
            if (nodes.size() >= MAX_LAYERS) {
                throw new ModelFormatException("more than " + MAX_LAYERS + " layers");
            }
            if (byName.put(node.name(), node) != null) {
                throw new ModelFormatException("two layers are called " + node.name());
            }
            nodes.add(node);
            return node.name();
        }
    }
}
