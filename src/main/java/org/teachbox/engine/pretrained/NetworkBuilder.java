package org.teachbox.engine.pretrained;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.teachbox.engine.ModelFormatException;
import org.teachbox.engine.pretrained.TfjsModel.Node;
import org.teachbox.engine.pretrained.TfjsModel.Weight;

/**
 * Turns the flattened layers of a {@link TfjsModel} into the {@link Op}s of a {@link Network}:
 * it checks each layer's configuration, works out every output shape (bounded, so a hostile file
 * cannot ask for a huge buffer), fetches and shape-checks the weights, and folds what can be
 * folded at load time: a ZeroPadding2D into the convolution after it, a BatchNormalization and a
 * ReLU into the convolution before it, and an Add into the 1 x 1 convolution that feeds it. A
 * layer class it does not know is refused with a ModelFormatException naming it.
 */
final class NetworkBuilder {
    static final int MAX_SIDE = 4096;
    static final int MAX_CHANNELS = 1 << 16;
    /** Floats in one layer's output (64 MB), and in all the buffers one picture needs (128 MB). */
    static final long MAX_ACTIVATION = 1L << 24;
    static final long MAX_SCRATCH = 1L << 25;

    private final TfjsModel model;
    private final List<Op> ops = new ArrayList<>();
    private final Map<String, Integer> opOf = new HashMap<>();   // node name -> index of the op producing it
    private final Map<String, Integer> readers = new HashMap<>(); // node name -> how many needed nodes read it
    private final Set<String> used = new LinkedHashSet<>();

    private NetworkBuilder(TfjsModel model) {
        this.model = model;
    }

    static Network build(TfjsModel model, String output) throws ModelFormatException {
        return new NetworkBuilder(model).network(output);
    }

    private Network network(String output) throws ModelFormatException {
        List<Node> nodes = model.nodes();
        Map<String, Node> byName = new HashMap<>();
        for (Node n : nodes) {
            byName.put(n.name(), n);
        }
        if (!byName.containsKey(output)) {
            throw new ModelFormatException("the model has no layer called " + output);
        }
        Set<String> needed = new LinkedHashSet<>();
        needed.add(output);
        for (int i = nodes.size() - 1; i >= 0; i--) { // inputs always come before their readers
            Node n = nodes.get(i);
            if (needed.contains(n.name())) {
                needed.addAll(n.inputs());
            }
        }
        for (Node n : nodes) {
            if (needed.contains(n.name())) {
                for (String in : n.inputs()) {
                    readers.merge(in, 1, Integer::sum);
                }
            }
        }
        for (Node n : nodes) {
            if (needed.contains(n.name())) {
                add(n);
            }
            if (n.name().equals(output)) {
                break;
            }
        }
        if (!(ops.get(0) instanceof Ops.Input)) {
            throw new ModelFormatException("the network does not start with an input layer");
        }
        Network network = new Network(compact(opOf.get(output)), used);
        if (network.scratchFloats() > MAX_SCRATCH) {
            throw new ModelFormatException("the network needs more than " + (MAX_SCRATCH * 4 >> 20)
                    + " MB of working memory per picture");
        }
        return network;
    }

    private void add(Node n) throws ModelFormatException {
        String name = n.name();
        Map<String, Object> cfg = n.config();
        String what = "layer " + name + " (" + n.className() + ")";
        if (n.className().equals("InputLayer")) {
            if (!ops.isEmpty()) {
                throw new ModelFormatException("only one input layer is supported");
            }
            int[] s = inputShape(cfg, what);
            put(name, new Ops.Input(name, s[0], s[1], s[2]), 0);
            return;
        }
        if (ops.isEmpty()) {
            throw new ModelFormatException(what + " comes before any input layer");
        }
        int[] ins = new int[n.inputs().size()];
        for (int i = 0; i < ins.length; i++) {
            ins[i] = opOf.get(n.inputs().get(i));
        }
        if (!n.className().equals("Add") && ins.length != 1) {
            throw new ModelFormatException(what + " should have one input, not " + ins.length);
        }
        Op in = ops.get(ins[0]);
        String single = n.inputs().get(0);
        boolean soleReader = readers.getOrDefault(single, 0) == 1;
        requireChannelsLast(cfg, what);
        switch (n.className()) {
            case "Conv2D" -> conv(n, in, ins[0], false, what);
            case "DepthwiseConv2D" -> conv(n, in, ins[0], true, what);
            case "Dense" -> dense(n, in, ins[0], what);
            case "BatchNormalization" -> batchNorm(n, in, ins[0], soleReader, what);
            case "ReLU" -> {
                if (Json.number(cfg.getOrDefault("negative_slope", 0.0), what + ".negative_slope") != 0
                        || Json.number(cfg.getOrDefault("threshold", 0.0), what + ".threshold") != 0) {
                    throw new ModelFormatException(what + ": only negative_slope 0 and threshold 0 are supported");
                }
                Object max = cfg.get("max_value");
                float hi = max == null || max == Json.NULL ? Float.POSITIVE_INFINITY : (float) Json.number(max, what + ".max_value");
                clamp(name, in, ins[0], soleReader, 0f, hi, "ReLU");
            }
            case "Activation" -> activation(name, Json.string(cfg, "activation", what), in, ins[0], soleReader, what);
            case "ZeroPadding2D" -> {
                int[] p = padding(cfg.get("padding"), what);
                checkShape(in.h + p[0] + p[1], in.w + p[2] + p[3], in.c, what);
                put(name, new Ops.Pad(name, ins[0], in.h, in.w, in.c, p[0], p[1], p[2], p[3]), 0);
            }
            case "Add" -> add(n, ins, what);
            case "Dropout" -> put(name, new Ops.Copy(name, "Dropout", ins[0], in.h, in.w, in.c), 0);
            case "Flatten" -> put(name, new Ops.Copy(name, "Flatten", ins[0], 1, 1, checkShape(1, 1, in.size(), what)), 0);
            case "GlobalAveragePooling2D" -> {
                if (Json.bool(cfg, "keepdims", false, what)) {
                    throw new ModelFormatException(what + ": keepdims is not supported");
                }
                put(name, new Ops.GlobalAveragePool(name, ins[0], in.h, in.w, in.c), 0);
            }
            default -> throw new ModelFormatException("unsupported layer class " + n.className() + " (layer " + name + ")");
        }
    }

    // ---- layers with weights ----

    private void conv(Node n, Op in, int input, boolean depthwise, String what) throws ModelFormatException {
        Map<String, Object> cfg = n.config();
        int[] kernel = pair(cfg.get("kernel_size"), 1, 64, what + ".kernel_size");
        int[] strides = pair(cfg.getOrDefault("strides", List.of(1.0, 1.0)), 1, 64, what + ".strides");
        int[] dilation = pair(cfg.getOrDefault("dilation_rate", List.of(1.0, 1.0)), 1, 64, what + ".dilation_rate");
        if (dilation[0] != 1 || dilation[1] != 1) {
            throw new ModelFormatException(what + ": dilation is not supported");
        }
        if (strides[0] != strides[1]) {
            throw new ModelFormatException(what + ": different strides across and down are not supported");
        }
        if (cfg.containsKey("groups") && Json.integer(cfg.get("groups"), 1, 1, what + ".groups") != 1) {
            throw new ModelFormatException(what + ": grouped convolution is not supported");
        }
        String padding = Json.optionalString(cfg, "padding", "valid", what);
        if (!padding.equals("same") && !padding.equals("valid")) {
            throw new ModelFormatException(what + ": padding " + padding + " is not supported");
        }
        int filters;
        Weight k;
        if (depthwise) {
            if (Json.integer(cfg.getOrDefault("depth_multiplier", 1.0), 1, 64, what + ".depth_multiplier") != 1) {
                throw new ModelFormatException(what + ": only depth_multiplier 1 is supported");
            }
            filters = in.c;
            k = weight(n.name(), "depthwise_kernel", new int[] {kernel[0], kernel[1], in.c, 1});
        } else {
            filters = Json.integer(cfg.get("filters"), 1, MAX_CHANNELS, what + ".filters");
            k = weight(n.name(), "kernel", new int[] {kernel[0], kernel[1], in.c, filters});
        }
        float[] bias = Json.bool(cfg, "use_bias", true, what) ? weight(n.name(), "bias", new int[] {filters}).data() : null;
        long stored = k.data().length + (bias == null ? 0 : bias.length);

        // a ZeroPadding2D read by this layer only becomes this layer's padding
        Op source = in;
        int sourceIndex = input;
        int[] pad = {0, 0, 0, 0};
        if (padding.equals("valid") && in instanceof Ops.Pad p && readers.get(n.inputs().get(0)) == 1) {
            sourceIndex = p.inputs[0];
            source = ops.get(sourceIndex);
            pad = new int[] {p.top, p.h - p.ih - p.top, p.left, p.w - p.iw - p.left};
        }
        Geometry g = Geometry.of(in.h, in.w, in.c, kernel[0], kernel[1], strides[0], padding.equals("same"), filters);
        if (g.oh() < 1 || g.ow() < 1) {
            throw new ModelFormatException(what + ": the window is larger than the image");
        }
        if (source != in) {
            g = new Geometry(source.h, source.w, source.c, g.kh(), g.kw(), g.stride(), pad[0], pad[2], g.oh(), g.ow(), g.oc());
        }
        checkShape(g.oh(), g.ow(), g.oc(), what);
        boolean pointwise = !depthwise && kernel[0] == 1 && kernel[1] == 1 && strides[0] == 1
                && g.padTop() == 0 && g.padLeft() == 0 && g.oh() == g.ih() && g.ow() == g.iw();
        ConvOp.Shape shape = depthwise ? ConvOp.Shape.DEPTHWISE : pointwise ? ConvOp.Shape.POINTWISE : ConvOp.Shape.FULL;
        // the op owns a copy, so that folding never changes the model's tensors
        ConvOp op = new ConvOp(n.name(), n.className(), shape, sourceIndex, g, k.data().clone(),
                bias == null ? null : bias.clone());
        if (source != in) {
            op.layers.addAll(0, in.layers);
        }
        put(n.name(), op, stored);
        activationOf(op, cfg, what);
    }

    private void dense(Node n, Op in, int input, String what) throws ModelFormatException {
        Map<String, Object> cfg = n.config();
        int units = Json.integer(cfg.get("units"), 1, MAX_CHANNELS, what + ".units");
        Weight k = weight(n.name(), "kernel", new int[] {in.c, units});
        float[] bias = Json.bool(cfg, "use_bias", true, what) ? weight(n.name(), "bias", new int[] {units}).data() : null;
        checkShape(in.h, in.w, units, what);
        Geometry g = new Geometry(in.h, in.w, in.c, 1, 1, 1, 0, 0, in.h, in.w, units);
        ConvOp op = new ConvOp(n.name(), "Dense", ConvOp.Shape.POINTWISE, input, g, k.data().clone(),
                bias == null ? null : bias.clone());
        put(n.name(), op, k.data().length + (bias == null ? 0 : bias.length));
        activationOf(op, cfg, what);
    }

    /** A layer's own "activation" setting, applied to the op just added. */
    private void activationOf(ConvOp op, Map<String, Object> cfg, String what) throws ModelFormatException {
        String name = op.layers.get(op.layers.size() - 1);
        String activation = Json.optionalString(cfg, "activation", "linear", what);
        int index = ops.size() - 1;
        activation(name, activation, op, index, true, what);
    }

    private void activation(String name, String activation, Op in, int input, boolean soleReader, String what)
            throws ModelFormatException {
        switch (activation) {
            case "linear" -> put(name, null, 0);
            case "relu" -> clamp(name, in, input, soleReader, 0f, Float.POSITIVE_INFINITY, "ReLU");
            case "relu6" -> clamp(name, in, input, soleReader, 0f, 6f, "ReLU");
            case "softmax" -> put(name, new Ops.Activation(name, Ops.Function.SOFTMAX, input, in.h, in.w, in.c), 0);
            case "sigmoid" -> put(name, new Ops.Activation(name, Ops.Function.SIGMOID, input, in.h, in.w, in.c), 0);
            case "tanh" -> put(name, new Ops.Activation(name, Ops.Function.TANH, input, in.h, in.w, in.c), 0);
            default -> throw new ModelFormatException(what + ": activation " + activation + " is not supported");
        }
    }

    private void batchNorm(Node n, Op in, int input, boolean soleReader, String what) throws ModelFormatException {
        Map<String, Object> cfg = n.config();
        Object axis = cfg.getOrDefault("axis", -1.0);
        if (axis instanceof List<?> list && list.size() == 1) {
            axis = list.get(0);
        }
        int a = Json.integer(axis, -1, 3, what + ".axis");
        if (a != -1 && a != 3) {
            throw new ModelFormatException(what + ": only the channel axis (-1) is supported");
        }
        double eps = Json.number(cfg.getOrDefault("epsilon", 1e-3), what + ".epsilon");
        if (!(eps >= 0)) {
            throw new ModelFormatException(what + ": epsilon must not be negative");
        }
        int c = in.c;
        float[] gamma = Json.bool(cfg, "scale", true, what) ? weight(n.name(), "gamma", new int[] {c}).data() : null;
        float[] beta = Json.bool(cfg, "center", true, what) ? weight(n.name(), "beta", new int[] {c}).data() : null;
        float[] mean = weight(n.name(), "moving_mean", new int[] {c}).data();
        float[] var = weight(n.name(), "moving_variance", new int[] {c}).data();
        float[] scale = new float[c];
        float[] shift = new float[c];
        for (int i = 0; i < c; i++) {
            scale[i] = (float) ((gamma == null ? 1f : gamma[i]) / Math.sqrt(var[i] + eps));
            shift[i] = beta == null ? 0f : beta[i];
        }
        long stored = 2L * c + (gamma == null ? 0 : c) + (beta == null ? 0 : c);
        if (in instanceof ConvOp conv && soleReader && !conv.clamped() && !conv.residual && !conv.normalized) {
            conv.foldBatchNorm(scale, shift, mean);
            conv.layers.add(n.name());
            conv.storedParameters += stored;
            opOf.put(n.name(), input);
            return;
        }
        float[] offset = new float[c];
        for (int i = 0; i < c; i++) {
            offset[i] = shift[i] - mean[i] * scale[i];
        }
        put(n.name(), new Ops.Affine(n.name(), input, in.h, in.w, c, scale, offset), stored);
    }

    private void clamp(String name, Op in, int input, boolean soleReader, float lo, float hi, String kind)
            throws ModelFormatException {
        if (!(hi >= lo)) {
            throw new ModelFormatException("layer " + name + ": max_value below zero");
        }
        if (in instanceof ConvOp conv && soleReader && !conv.clamped() && !conv.residual) {
            conv.lo = lo;
            conv.hi = hi;
            if (!conv.layers.contains(name)) {
                conv.layers.add(name);
            }
            opOf.put(name, input);
            return;
        }
        put(name, new Ops.Clamp(name, input, in.h, in.w, in.c, lo, hi), 0);
    }

    private void add(Node n, int[] ins, String what) throws ModelFormatException {
        if (ins.length < 2) {
            throw new ModelFormatException(what + " needs at least two inputs");
        }
        Op first = ops.get(ins[0]);
        for (int i : ins) {
            Op o = ops.get(i);
            if (o.h != first.h || o.w != first.w || o.c != first.c) {
                throw new ModelFormatException(what + ": its inputs have different shapes");
            }
        }
        if (ins.length == 2) {
            for (int side = 0; side < 2; side++) {
                Op o = ops.get(ins[side]);
                if (o instanceof ConvOp conv && conv.shape == ConvOp.Shape.POINTWISE && !conv.clamped() && !conv.residual
                        && readers.get(n.inputs().get(side)) == 1 && ins[side] == ops.size() - 1
                        && ins[1 - side] != ins[side]) {
                    conv.residual = true;
                    conv.inputs = new int[] {conv.inputs[0], ins[1 - side]};
                    conv.layers.add(n.name());
                    opOf.put(n.name(), ins[side]);
                    return;
                }
            }
        }
        put(n.name(), new Ops.Sum(n.name(), ins, first.h, first.w, first.c), 0);
    }

    // ---- helpers ----

    /** Records op as node name's producer; a null op means the node is the previous op unchanged. */
    private void put(String name, Op op, long stored) {
        if (op == null) {
            opOf.putIfAbsent(name, ops.size() - 1);
            return;
        }
        op.storedParameters += stored;
        opOf.put(name, ops.size());
        ops.add(op);
    }

    private Weight weight(String layer, String param, int[] shape) throws ModelFormatException {
        String key = layer + "/" + param;
        Weight w = model.weights().get(key);
        if (w == null) {
            for (Weight candidate : model.weights().values()) {
                if (candidate.name().endsWith("/" + key)) {
                    if (w != null) {
                        throw new ModelFormatException("more than one tensor ends in " + key);
                    }
                    w = candidate;
                }
            }
        }
        if (w == null) {
            throw new ModelFormatException("the weights have no tensor " + key);
        }
        if (!Arrays.equals(w.shape(), shape)) {
            throw new ModelFormatException("tensor " + w.name() + " has shape " + Arrays.toString(w.shape())
                    + ", the layer needs " + Arrays.toString(shape));
        }
        used.add(w.name());
        return w;
    }

    /** Drops ops nobody reads (a ZeroPadding2D folded into its convolution) and renumbers inputs. */
    private List<Op> compact(int output) {
        boolean[] live = new boolean[ops.size()];
        live[output] = true;
        for (int i = output; i >= 0; i--) {
            if (live[i]) {
                for (int in : ops.get(i).inputs) {
                    live[in] = true;
                }
            }
        }
        int[] index = new int[ops.size()];
        List<Op> kept = new ArrayList<>();
        for (int i = 0; i <= output; i++) {
            if (live[i]) {
                index[i] = kept.size();
                kept.add(ops.get(i));
            }
        }
        for (Op op : kept) {
            int[] renumbered = new int[op.inputs.length];
            for (int k = 0; k < renumbered.length; k++) {
                renumbered[k] = index[op.inputs[k]];
            }
            op.inputs = renumbered;
        }
        return kept;
    }

    private static void requireChannelsLast(Map<String, Object> cfg, String what) throws ModelFormatException {
        String format = Json.optionalString(cfg, "data_format", "channels_last", what);
        if (!format.equals("channels_last")) {
            throw new ModelFormatException(what + ": data_format " + format + " is not supported");
        }
    }

    private static int[] inputShape(Map<String, Object> cfg, String what) throws ModelFormatException {
        Object shape = cfg.containsKey("batch_input_shape") ? cfg.get("batch_input_shape") : cfg.get("batch_shape");
        List<Object> dims = Json.array(shape, what + ".batch_input_shape");
        if (dims.size() != 4 && dims.size() != 2) {
            throw new ModelFormatException(what + ": the input should be an image (h, w, c) or a vector");
        }
        int[] s = new int[3];
        if (dims.size() == 2) {
            s = new int[] {1, 1, Json.integer(dims.get(1), 1, MAX_CHANNELS, what + " input size")};
        } else {
            s[0] = Json.integer(dims.get(1), 1, MAX_SIDE, what + " input height");
            s[1] = Json.integer(dims.get(2), 1, MAX_SIDE, what + " input width");
            s[2] = Json.integer(dims.get(3), 1, MAX_CHANNELS, what + " input channels");
        }
        checkShape(s[0], s[1], s[2], what);
        return s;
    }

    /** [top, bottom, left, right] from Keras' int, (a, b) or ((top, bottom), (left, right)). */
    private static int[] padding(Object value, String what) throws ModelFormatException {
        if (value instanceof Number) {
            int p = Json.integer(value, 0, MAX_SIDE, what + ".padding");
            return new int[] {p, p, p, p};
        }
        List<Object> list = Json.array(value, what + ".padding");
        if (list.size() != 2) {
            throw new ModelFormatException(what + ".padding should have two entries");
        }
        if (list.get(0) instanceof Number) {
            int a = Json.integer(list.get(0), 0, MAX_SIDE, what + ".padding");
            int b = Json.integer(list.get(1), 0, MAX_SIDE, what + ".padding");
            return new int[] {a, a, b, b};
        }
        int[] rows = pair(list.get(0), 0, MAX_SIDE, what + ".padding[0]");
        int[] cols = pair(list.get(1), 0, MAX_SIDE, what + ".padding[1]");
        return new int[] {rows[0], rows[1], cols[0], cols[1]};
    }

    private static int[] pair(Object value, int min, int max, String what) throws ModelFormatException {
        if (value instanceof Number) {
            int v = Json.integer(value, min, max, what);
            return new int[] {v, v};
        }
        List<Object> list = Json.array(value, what);
        if (list.size() != 2) {
            throw new ModelFormatException(what + " should have two entries");
        }
        return new int[] {Json.integer(list.get(0), min, max, what), Json.integer(list.get(1), min, max, what)};
    }

    private static int checkShape(long h, long w, long c, String what) throws ModelFormatException {
        if (h < 1 || w < 1 || c < 1 || h > MAX_SIDE || w > MAX_SIDE || c > MAX_CHANNELS || h * w * c > MAX_ACTIVATION) {
            throw new ModelFormatException(what + ": output shape " + h + "x" + w + "x" + c + " is out of range");
        }
        return (int) c;
    }
}
