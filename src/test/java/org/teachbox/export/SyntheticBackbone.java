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
 *
 * <p>Random kernels alone give embeddings that hardly differ between pictures: each channel's
 * offset swamps its signal after a few layers. So each batch normalization gets the moving mean
 * and variance its channels really have on a few drawn pictures, layer after layer, as a trained
 * network's would (the "layer-sequential unit variance" initialisation), and a negative shift so
 * that, as in the real network, most final features are zero for most pictures.
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
            Graph graph = new Graph(new SplittableRandom(seed));
            graph.writeHeadless(headless, json);
            graph.calibrate(headless, json, calibrationPictures(seed));
            TfjsFiles files = new TfjsExporter(json).pretrained(BackbonePart.read(headless),
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

    /**
     * A few pictures to measure the layers on: the app's own sample shapes and digits, and a
     * smooth gradient, scaled as Teachable Machine scales pixels (value / 127 - 1), channels last.
     */
    static List<float[]> calibrationPictures(long seed) {
        List<java.awt.image.BufferedImage> images = new ArrayList<>();
        for (var set : List.of(org.teachbox.samples.SampleSets.shapes(2, seed), org.teachbox.samples.SampleSets.digits(1, seed))) {
            for (var c : set.classes()) {
                images.addAll(c.images());
            }
        }
        List<float[]> out = new ArrayList<>();
        for (java.awt.image.BufferedImage image : images.subList(0, Math.min(10, images.size()))) {
            java.awt.image.BufferedImage square = new java.awt.image.BufferedImage(224, 224, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = square.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, 224, 224, null);
            g.dispose();
            float[] hwc = new float[224 * 224 * 3];
            for (int y = 0; y < 224; y++) {
                for (int x = 0; x < 224; x++) {
                    int rgb = square.getRGB(x, y);
                    int i = (y * 224 + x) * 3;
                    hwc[i] = ((rgb >> 16) & 255) / 127f - 1;
                    hwc[i + 1] = ((rgb >> 8) & 255) / 127f - 1;
                    hwc[i + 2] = (rgb & 255) / 127f - 1;
                }
            }
            out.add(hwc);
        }
        return out;
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
        private final List<Tensor> tensors = new ArrayList<>();
        private final List<Tensor> movingStats = new ArrayList<>();
        private final List<Norm> norms = new ArrayList<>();
        private Map<String, Object> root;

        private record Tensor(String name, int[] shape, float[] values) {}

        /** A batch normalization's numbers, set by {@link #calibrate} from what its input really does. */
        private record Norm(String name, float[] gamma, float[] beta, float[] mean, float[] variance, boolean beforeRelu) {}

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
            x = relu("Conv1_relu", batchNorm("bn_Conv1", x, channels, true));
            for (int id = 0; id < BLOCKS.length; id++) {
                int out = divisible((int) (BLOCKS[id][0] * ALPHA));
                x = block(x, channels, out, BLOCKS[id][1], BLOCKS[id][2], id);
                channels = out;
            }
            x = conv("Conv_1", x, 1, channels, 1280, 1, "valid");
            relu("out_relu", batchNorm("Conv_1_bn", x, 1280, true));

            Map<String, Object> config = new LinkedHashMap<>();
            config.put("name", "model1");
            config.put("layers", layers);
            config.put("input_layers", List.of(List.of("input_1", 0, 0)));
            config.put("output_layers", List.of(List.of("out_relu", 0, 0)));
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("class_name", "Model");
            model.put("config", config);
            root = new LinkedHashMap<>();
            root.put("modelTopology", model);
            writeWeights(dir, json);
        }

        /** Writes model.json's manifest and weights.bin from the tensors as they are now. */
        private void writeWeights(Path dir, JsonMapper json) throws IOException {
            WeightsWriter weights = new WeightsWriter();
            for (Tensor t : tensors) {
                weights.add(t.name(), t.shape(), t.values());
            }
            for (Tensor t : movingStats) { // Keras saves every moving mean and variance last
                weights.add(t.name(), t.shape(), t.values());
            }
            root.put("weightsManifest", weights.manifest());
            Files.write(dir.resolve(TfjsFiles.MODEL), json.writeValueAsBytes(root));
            Files.write(dir.resolve(TfjsFiles.WEIGHTS), weights.bytes());
        }

        /**
         * Layer after layer, runs the pictures through the network up to a batch normalization
         * (still the identity), measures each channel's mean and variance there, and makes them
         * that normalization's moving statistics. Before a ReLU6 the shift is negative, so a
         * channel fires for the pictures (and places) where it is strong, not everywhere.
         */
        void calibrate(Path dir, JsonMapper json, List<float[]> pictures) throws IOException {
            for (Norm norm : norms) {
                org.teachbox.engine.pretrained.Network upTo =
                        org.teachbox.engine.pretrained.TfjsModel.read(dir).network(norm.name());
                int channels = norm.mean().length;
                double[] sum = new double[channels];
                double[] squares = new double[channels];
                long count = 0;
                for (float[] hwc : pictures) {
                    float[] out = upTo.run(hwc);
                    for (int i = 0; i < out.length; i++) {
                        sum[i % channels] += out[i];
                        squares[i % channels] += (double) out[i] * out[i];
                    }
                    count += out.length / channels;
                }
                for (int c = 0; c < channels; c++) {
                    double mean = sum[c] / count;
                    norm.mean()[c] = (float) mean;
                    norm.variance()[c] = (float) Math.max(1e-4, squares[c] / count - mean * mean);
                    norm.gamma()[c] = (float) (0.8 + 0.4 * random.nextDouble());
                    norm.beta()[c] = norm.beforeRelu() ? (float) (-0.5 + 0.2 * random.nextGaussian()) : 0f;
                }
                writeWeights(dir, json);
            }
        }

        private String block(String in, int inChannels, int out, int stride, int expansion, int id) {
            String prefix = id == 0 ? "expanded_conv_" : "block_" + id + "_";
            String x = in;
            int wide = inChannels;
            if (id > 0) {
                wide = expansion * inChannels;
                x = relu(prefix + "expand_relu", batchNorm(prefix + "expand_BN",
                        conv(prefix + "expand", x, 1, inChannels, wide, 1, "same"), wide, true));
            }
            if (stride == 2) {
                x = pad(prefix + "pad", x);
            }
            x = relu(prefix + "depthwise_relu", batchNorm(prefix + "depthwise_BN",
                    depthwise(prefix + "depthwise", x, wide, stride, stride == 1 ? "same" : "valid"), wide, true));
            x = batchNorm(prefix + "project_BN", conv(prefix + "project", x, 1, wide, out, 1, "same"), out, false);
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
            float[] kernel = he(k * k * inChannels * filters, k * k * inChannels);
            if (name.endsWith("_project")) {
                zeroSum(kernel, k * k * inChannels, filters);
            }
            tensors.add(new Tensor(name + "/kernel", new int[] {k, k, inChannels, filters}, kernel));
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
            float[] kernel = he(9 * channels, 9);
            zeroSum(kernel, 9, channels);
            tensors.add(new Tensor(name + "/depthwise_kernel", new int[] {3, 3, channels, 1}, kernel));
            return name;
        }

        private String batchNorm(String name, String in, int channels, boolean beforeRelu) {
            Map<String, Object> config = named(name);
            config.put("axis", -1);
            config.put("momentum", 0.999);
            config.put("epsilon", 0.001);
            config.put("center", true);
            config.put("scale", true);
            layers.add(node(name, "BatchNormalization", config, List.of(in)));
            // the identity until calibrate() measures what this layer's input really does
            float[] gamma = new float[channels];
            float[] beta = new float[channels];
            float[] mean = new float[channels];
            float[] variance = new float[channels];
            java.util.Arrays.fill(gamma, 1f);
            java.util.Arrays.fill(variance, 1f - 0.001f); // with Keras' epsilon 0.001: exactly 1
            tensors.add(new Tensor(name + "/gamma", new int[] {channels}, gamma));
            tensors.add(new Tensor(name + "/beta", new int[] {channels}, beta));
            movingStats.add(new Tensor(name + "/moving_mean", new int[] {channels}, mean));
            movingStats.add(new Tensor(name + "/moving_variance", new int[] {channels}, variance));
            norms.add(new Norm(name, gamma, beta, mean, variance, beforeRelu));
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

        /**
         * Makes each filter's weights add up to zero (HWIO layout: filter f is every filters-th
         * number). These filters read the output of a ReLU6, which is never negative: random
         * weights would add a fixed offset per channel that swamps what differs between pictures.
         */
        private static void zeroSum(float[] kernel, int perFilter, int filters) {
            for (int f = 0; f < filters; f++) {
                double sum = 0;
                for (int i = 0; i < perFilter; i++) {
                    sum += kernel[i * filters + f];
                }
                float mean = (float) (sum / perFilter);
                for (int i = 0; i < perFilter; i++) {
                    kernel[i * filters + f] -= mean;
                }
            }
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
