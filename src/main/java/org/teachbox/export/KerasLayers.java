package org.teachbox.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.teachbox.engine.Model;
import org.teachbox.engine.Shape;
import org.teachbox.engine.layers.Conv2D;
import org.teachbox.engine.layers.Dense;
import org.teachbox.engine.layers.Dropout;
import org.teachbox.engine.layers.Flatten;
import org.teachbox.engine.layers.GlobalAveragePool;
import org.teachbox.engine.layers.Layer;
import org.teachbox.engine.layers.LeakyReLU;
import org.teachbox.engine.layers.MaxPool2D;
import org.teachbox.engine.layers.ReLU;
import org.teachbox.engine.layers.Sigmoid;
import org.teachbox.engine.layers.Tanh;

/**
 * Writes an engine {@link Model} as the layer list of a Keras/TF.js {@code Sequential}, and its
 * weights in TF.js's order. The engine keeps pictures channel-first (CHW) and TF.js keeps them
 * channel-last (HWC), so three things are rearranged, not just copied:
 * <ul>
 *   <li>a convolution kernel [filters][channels][ky][kx] becomes [ky][kx][channels][filters];</li>
 *   <li>the first dense layer after a flatten takes its inputs in HWC order, so its kernel rows
 *   are permuted to match (the engine's [inputs][units] layout is Keras' own otherwise);</li>
 *   <li>an activation right after a dense or convolution layer goes into that layer's
 *   {@code activation}, as Keras writes it, and the last layer gets softmax: the engine's model
 *   ends in logits and applies softmax when it predicts.</li>
 * </ul>
 * Dropout is left out: it does nothing when a model predicts. Layer names follow Teachable
 * Machine's ({@code dense_Dense1}, {@code conv2d_Conv2D1}, ...), and weight names are
 * {@code <layer>/kernel} and {@code <layer>/bias}, which is how TF.js finds them again.
 */
final class KerasLayers {
    private final WeightsWriter weights;
    private final Map<String, Integer> counters = new LinkedHashMap<>();

    KerasLayers(WeightsWriter weights) {
        this.weights = weights;
    }

    /** The model's layers as Keras layer objects ({@code class_name}, {@code config}). */
    List<Map<String, Object>> layers(Model model) {
        List<Layer> layers = model.layers();
        List<Map<String, Object>> out = new ArrayList<>();
        Shape in = model.inputShape();
        boolean spatial = in.h() * in.w() > 1;
        Shape flattenedFrom = null; // the CHW shape the next dense layer's inputs were flattened from
        boolean endsInSoftmax = false;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            String activation = null;
            if (layer instanceof Dense || layer instanceof Conv2D) {
                if (i == layers.size() - 1) {
                    activation = "softmax";
                } else if (activationName(layers.get(i + 1)) != null) {
                    activation = activationName(layers.get(i + 1));
                    i++; // that activation goes into this layer, as Keras writes it
                }
            }
            endsInSoftmax = "softmax".equals(activation);
            Map<String, Object> keras;
            switch (layer) {
                case Conv2D conv -> {
                    Shape s = conv.inputShape();
                    int pad = conv.padding(), k = conv.kernel(), stride = conv.stride(), filters = conv.outputShape().c();
                    boolean same = stride == 1 && 2 * pad == k - 1;
                    if (!same && pad > 0) {
                        add(out, layer("ZeroPadding2D", "zero_padding2d", Map.of(
                                "padding", List.of(List.of(pad, pad), List.of(pad, pad)),
                                "data_format", "channels_last")), in);
                    }
                    String name = name("conv2d", "Conv2D");
                    keras = keras("Conv2D", name, conv2dConfig(filters, k, stride, same, activation));
                    weights.add(name + "/kernel", new int[] {k, k, s.c(), filters},
                            convKernel(conv.parameters().get(0).data, filters, s.c(), k));
                    weights.add(name + "/bias", new int[] {filters}, conv.parameters().get(1).data);
                }
                case Dense dense -> {
                    if (spatial) {
                        add(out, layer("Flatten", "flatten", Map.of()), in);
                        flattenedFrom = dense.inputShape();
                        spatial = false;
                    }
                    int units = dense.outputShape().size();
                    String name = name("dense", "Dense");
                    keras = keras("Dense", name, denseConfig(units, activation));
                    float[] kernel = dense.parameters().get(0).data;
                    if (flattenedFrom != null) {
                        kernel = hwcRows(kernel, flattenedFrom, units);
                        flattenedFrom = null;
                    }
                    weights.add(name + "/kernel", new int[] {dense.inputShape().size(), units}, kernel);
                    weights.add(name + "/bias", new int[] {units}, dense.parameters().get(1).data);
                }
                case MaxPool2D pool -> keras = layer("MaxPooling2D", "max_pooling2d", Map.of(
                        "pool_size", List.of(pool.size(), pool.size()), "padding", "valid",
                        "strides", List.of(pool.size(), pool.size()), "data_format", "channels_last"));
                case Flatten flatten -> {
                    if (!spatial) {
                        continue; // already a vector in TF.js
                    }
                    keras = layer("Flatten", "flatten", Map.of());
                    flattenedFrom = flatten.inputShape();
                    spatial = false;
                }
                case GlobalAveragePool gap -> {
                    keras = layer("GlobalAveragePooling2D", "global_average_pooling2d",
                            Map.of("data_format", "channels_last"));
                    spatial = false;
                    flattenedFrom = null;
                }
                case LeakyReLU leaky -> keras = layer("LeakyReLU", "leaky_re_lu", Map.of("alpha", (double) leaky.alpha()));
                case Dropout d -> {
                    continue;
                }
                default -> {
                    String name = activationName(layer);
                    if (name == null) {
                        throw new IllegalArgumentException("no TF.js layer for " + layer.name());
                    }
                    keras = activationLayer(name);
                }
            }
            add(out, keras, in);
        }
        if (!endsInSoftmax) {
            add(out, activationLayer("softmax"), in);
        }
        return out;
    }

    private static String activationName(Layer layer) {
        return switch (layer) {
            case ReLU r -> "relu";
            case Sigmoid s -> "sigmoid";
            case Tanh t -> "tanh";
            default -> null;
        };
    }

    /** Appends a layer; the first one carries the model's input shape, as Sequential needs. */
    private static void add(List<Map<String, Object>> out, Map<String, Object> keras, Shape in) {
        if (out.isEmpty()) {
            putInputShape(keras, in);
        }
        out.add(keras);
    }

    private static void putInputShape(Map<String, Object> keras, Shape in) {
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) keras.get("config");
        List<Object> shape = new ArrayList<>();
        shape.add(null);
        if (in.h() * in.w() > 1) {
            shape.addAll(List.of(in.h(), in.w(), in.c()));
        } else {
            shape.add(in.size());
        }
        config.put("batch_input_shape", shape);
        config.put("dtype", "float32");
    }

    /** [filters][channels][ky][kx] to [ky][kx][channels][filters]. */
    static float[] convKernel(float[] w, int filters, int channels, int k) {
        float[] out = new float[w.length];
        for (int f = 0; f < filters; f++) {
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < k; y++) {
                    for (int x = 0; x < k; x++) {
                        out[((y * k + x) * channels + c) * filters + f] = w[((f * channels + c) * k + y) * k + x];
                    }
                }
            }
        }
        return out;
    }

    /** Kernel rows in CHW input order to rows in HWC input order. */
    static float[] hwcRows(float[] kernel, Shape from, int units) {
        int c = from.c(), h = from.h(), w = from.w();
        float[] out = new float[kernel.length];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int engineRow = (ch * h + y) * w + x;
                    int kerasRow = (y * w + x) * c + ch;
                    System.arraycopy(kernel, engineRow * units, out, kerasRow * units, units);
                }
            }
        }
        return out;
    }

    private String name(String prefix, String className) {
        int n = counters.merge(className, 1, Integer::sum);
        return prefix + "_" + className + n;
    }

    private Map<String, Object> layer(String className, String prefix, Map<String, Object> settings) {
        return keras(className, name(prefix, className), new LinkedHashMap<>(settings));
    }

    private Map<String, Object> activationLayer(String activation) {
        return layer("Activation", "activation", Map.of("activation", activation));
    }

    private static Map<String, Object> keras(String className, String name, Map<String, Object> settings) {
        Map<String, Object> config = new LinkedHashMap<>(settings);
        config.put("name", name);
        config.put("trainable", true);
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("class_name", className);
        layer.put("config", config);
        return layer;
    }

    /** A dense layer's settings in the words Teachable Machine's export uses. */
    static Map<String, Object> denseConfig(int units, String activation) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("units", units);
        c.put("activation", activation == null ? "linear" : activation);
        c.put("use_bias", true);
        c.put("kernel_initializer", varianceScaling());
        c.put("bias_initializer", Map.of("class_name", "Zeros", "config", Map.of()));
        c.put("kernel_regularizer", null);
        c.put("bias_regularizer", null);
        c.put("activity_regularizer", null);
        c.put("kernel_constraint", null);
        c.put("bias_constraint", null);
        return c;
    }

    private static Map<String, Object> conv2dConfig(int filters, int k, int stride, boolean same, String activation) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("filters", filters);
        c.put("kernel_size", List.of(k, k));
        c.put("strides", List.of(stride, stride));
        c.put("padding", same ? "same" : "valid");
        c.put("data_format", "channels_last");
        c.put("dilation_rate", List.of(1, 1));
        c.put("activation", activation == null ? "linear" : activation);
        c.put("use_bias", true);
        c.put("kernel_initializer", varianceScaling());
        c.put("bias_initializer", Map.of("class_name", "Zeros", "config", Map.of()));
        c.put("kernel_regularizer", null);
        c.put("bias_regularizer", null);
        c.put("activity_regularizer", null);
        c.put("kernel_constraint", null);
        c.put("bias_constraint", null);
        return c;
    }

    private static Map<String, Object> varianceScaling() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("scale", 1);
        config.put("mode", "fan_in");
        config.put("distribution", "normal");
        config.put("seed", null);
        return Map.of("class_name", "VarianceScaling", "config", config);
    }
}
