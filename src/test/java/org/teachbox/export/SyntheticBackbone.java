package org.teachbox.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.teachbox.engine.Presets;

import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for Teachable Machine's backbone that a clean clone can make by itself: Keras'
 * MobileNetV2 (alpha 0.35, 224 px) layer for layer, with the same names, shapes and 410,208
 * numbers, but seeded random weights instead of ImageNet's. It is written as a Teachable Machine
 * image export (model.json, weights.bin, metadata.json) by the project's own writer, so the
 * loader, the embedding store, the exporter and the pages run on it for real. It knows nothing
 * about photos: tests that need a network that has learned ImageNet use {@code TestBackbones.real()}.
 *
 * <p>The layers follow {@code keras.applications.MobileNetV2}: a strided 3 x 3 stem, 17 inverted
 * residual blocks (expand 1 x 1, depthwise 3 x 3, project 1 x 1, each batch-normalised, with an
 * Add where input and output match), then a 1 x 1 convolution to 1280 channels and ReLU6.
 */
public final class SyntheticBackbone {
    private SyntheticBackbone() {}

    /** filters, stride, expansion of each inverted residual block, in Keras' order. */
    private static final int[][] BLOCKS = {
        {16, 1, 1}, {24, 2, 6}, {24, 1, 6}, {32, 2, 6}, {32, 1, 6}, {32, 1, 6}, {64, 2, 6}, {64, 1, 6},
        {64, 1, 6}, {64, 1, 6}, {96, 1, 6}, {96, 1, 6}, {96, 1, 6}, {160, 2, 6}, {160, 1, 6}, {160, 1, 6},
        {320, 1, 6},
    };
    private static final double ALPHA = 0.35;

    /** Writes a Teachable Machine image export with a random MobileNetV2 and a 2-class head into dir. */
    public static Path write(Path dir, long seed) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Path headless = Files.createTempDirectory("synthetic-backbone");
        try {
            new Graph(new SplittableRandom(seed)).writeHeadless(headless, json);
            TfjsFiles files = new TfjsExporter(json).pretrained(BackbonePart.read(headless, json),
                    Presets.transferHead(2, 1280, seed),
                    new TfjsExporter.Description("synthetic backbone (random weights)", List.of("a", "b"), Instant.EPOCH));
            Files.createDirectories(dir);
            Files.write(dir.resolve(TfjsFiles.MODEL), files.modelJson());
            Files.write(dir.resolve(TfjsFiles.WEIGHTS), files.weightsBin());
            Files.write(dir.resolve(TfjsFiles.METADATA), files.metadataJson());
            return dir;
        } finally {
            for (String name : new String[] {TfjsFiles.MODEL, TfjsFiles.WEIGHTS}) {
                Files.deleteIfExists(headless.resolve(name));
            }
            Files.deleteIfExists(headless);
        }
    }

    /** Keras' _make_divisible: channel counts rounded to a multiple of 8, never down by more than 10%. */
    static int divisible(double v) {
        int rounded = Math.max(8, (int) (v + 4) / 8 * 8);
        return rounded < 0.9 * v ? rounded + 8 : rounded;
    }

    /** The functional model being built: its layer nodes and its tensors, in the writer's order. */
    private static final class Graph {
        private final SplittableRandom random;
        private final List<Map<String, Object>> layers = new ArrayList<>();
        private final WeightsWriter weights = new WeightsWriter();
        private final List<Runnable> movingStats = new ArrayList<>();

        Graph(SplittableRandom random) {
            this.random = random;
        }

        void writeHeadless(Path dir, JsonMapper json) throws IOException {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("batch_input_shape", java.util.Arrays.asList(null, 224, 224, 3));
            input.put("dtype", "float32");
            input.put("sparse", false);
            input.put("name", "input_1");
            layers.add(node("input_1", "InputLayer", input, List.of()));

            String x = pad("Conv1_pad", "input_1");
            int channels = divisible(32 * ALPHA);
            x = conv("Conv1", x, 3, 3, channels, 2, "valid");
            x = relu("Conv1_relu", batchNorm("bn_Conv1", x, channels));
            for (int id = 0; id < BLOCKS.length; id++) {
                int out = divisible((int) (BLOCKS[id][0] * ALPHA));
                x = block(x, channels, out, BLOCKS[id][1], BLOCKS[id][2], id);
                channels = out;
            }
            x = conv("Conv_1", x, 1, channels, 1280, 1, "valid");
            relu("out_relu", batchNorm("Conv_1_bn", x, 1280));
            movingStats.forEach(Runnable::run); // Keras saves every moving mean and variance last

            Map<String, Object> config = new LinkedHashMap<>();
            config.put("name", "model1");
            config.put("layers", layers);
            config.put("input_layers", List.of(List.of("input_1", 0, 0)));
            config.put("output_layers", List.of(List.of("out_relu", 0, 0)));
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("class_name", "Model");
            model.put("config", config);
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("modelTopology", model);
            root.put("weightsManifest", weights.manifest());
            Files.write(dir.resolve(TfjsFiles.MODEL), json.writeValueAsBytes(root));
            Files.write(dir.resolve(TfjsFiles.WEIGHTS), weights.bytes());
        }

        private String block(String in, int inChannels, int out, int stride, int expansion, int id) {
            String prefix = id == 0 ? "expanded_conv_" : "block_" + id + "_";
            String x = in;
            int wide = inChannels;
            if (id > 0) {
                wide = expansion * inChannels;
                x = relu(prefix + "expand_relu", batchNorm(prefix + "expand_BN", conv(prefix + "expand", x, 1, inChannels, wide, 1, "same"), wide));
            }
            if (stride == 2) {
                x = pad(prefix + "pad", x);
            }
            x = relu(prefix + "depthwise_relu", batchNorm(prefix + "depthwise_BN",
                    depthwise(prefix + "depthwise", x, wide, stride, stride == 1 ? "same" : "valid"), wide));
            x = batchNorm(prefix + "project_BN", conv(prefix + "project", x, 1, wide, out, 1, "same"), out);
            if (inChannels == out && stride == 1) {
                Map<String, Object> config = named(prefix + "add");
                layers.add(node(prefix + "add", "Add", config, List.of(in, x)));
                x = prefix + "add";
            }
            return x;
        }

        private String pad(String name, String in) {
            Map<String, Object> config = named(name);
            config.put("padding", List.of(List.of(0, 1), List.of(0, 1)));
            config.put("data_format", "channels_last");
            layers.add(node(name, "ZeroPadding2D", config, List.of(in)));
            return name;
        }

        private String conv(String name, String in, int k, int inChannels, int filters, int stride, String padding) {
            Map<String, Object> config = named(name);
            config.put("filters", filters);
            config.put("kernel_size", List.of(k, k));
            config.put("strides", List.of(stride, stride));
            config.put("padding", padding);
            config.put("data_format", "channels_last");
            config.put("dilation_rate", List.of(1, 1));
            config.put("activation", "linear");
            config.put("use_bias", false);
            layers.add(node(name, "Conv2D", config, List.of(in)));
            weights.add(name + "/kernel", new int[] {k, k, inChannels, filters}, he(k * k * inChannels * filters, k * k * inChannels));
            return name;
        }

        private String depthwise(String name, String in, int channels, int stride, String padding) {
            Map<String, Object> config = named(name);
            config.put("kernel_size", List.of(3, 3));
            config.put("strides", List.of(stride, stride));
            config.put("padding", padding);
            config.put("data_format", "channels_last");
            config.put("dilation_rate", List.of(1, 1));
            config.put("depth_multiplier", 1);
            config.put("activation", "linear");
            config.put("use_bias", false);
            layers.add(node(name, "DepthwiseConv2D", config, List.of(in)));
            weights.add(name + "/depthwise_kernel", new int[] {3, 3, channels, 1}, he(9 * channels, 9));
            return name;
        }

        private String batchNorm(String name, String in, int channels) {
            Map<String, Object> config = named(name);
            config.put("axis", -1);
            config.put("momentum", 0.999);
            config.put("epsilon", 0.001);
            config.put("center", true);
            config.put("scale", true);
            layers.add(node(name, "BatchNormalization", config, List.of(in)));
            float[] gamma = new float[channels];
            float[] beta = new float[channels];
            float[] mean = new float[channels];
            float[] variance = new float[channels];
            for (int c = 0; c < channels; c++) {
                gamma[c] = (float) (0.8 + 0.4 * random.nextDouble());
                beta[c] = (float) (0.1 * random.nextGaussian());
                mean[c] = (float) (0.05 * random.nextGaussian());
                variance[c] = (float) (0.8 + 0.4 * random.nextDouble());
            }
            weights.add(name + "/gamma", new int[] {channels}, gamma);
            weights.add(name + "/beta", new int[] {channels}, beta);
            movingStats.add(() -> {
                weights.add(name + "/moving_mean", new int[] {channels}, mean);
                weights.add(name + "/moving_variance", new int[] {channels}, variance);
            });
            return name;
        }

        private String relu(String name, String in) {
            Map<String, Object> config = named(name);
            config.put("max_value", 6);
            layers.add(node(name, "ReLU", config, List.of(in)));
            return name;
        }

        /** He-normal numbers, so that activations keep their scale through the 52 convolutions. */
        private float[] he(int count, int fanIn) {
            float[] w = new float[count];
            double sd = Math.sqrt(2.0 / fanIn);
            for (int i = 0; i < count; i++) {
                w[i] = (float) (sd * random.nextGaussian());
            }
            return w;
        }

        private static Map<String, Object> named(String name) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("name", name);
            config.put("trainable", true);
            return config;
        }

        private static Map<String, Object> node(String name, String cls, Map<String, Object> config, List<String> inputs) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("name", name);
            n.put("class_name", cls);
            n.put("config", config);
            List<Object> inbound = new ArrayList<>();
            for (String in : inputs) {
                inbound.add(List.of(in, 0, 0, Map.of()));
            }
            n.put("inbound_nodes", inputs.isEmpty() ? List.of() : List.of(inbound));
            return n;
        }
    }
}
