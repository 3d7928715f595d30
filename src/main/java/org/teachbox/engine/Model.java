package org.teachbox.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.teachbox.engine.LayerSpec.Kind;
import org.teachbox.engine.layers.Conv2D;
import org.teachbox.engine.layers.ConvReluPool;
import org.teachbox.engine.layers.Dense;
import org.teachbox.engine.layers.Dropout;
import org.teachbox.engine.layers.Flatten;
import org.teachbox.engine.layers.GlobalAveragePool;
import org.teachbox.engine.layers.Init;
import org.teachbox.engine.layers.Layer;
import org.teachbox.engine.layers.LeakyReLU;
import org.teachbox.engine.layers.MaxPool2D;
import org.teachbox.engine.layers.ReLU;
import org.teachbox.engine.layers.Sigmoid;
import org.teachbox.engine.layers.Tanh;

/**
 * A sequential network: layers applied one after another, ending in logits (one score per
 * class). Softmax is applied by {@link #predict} and fused into the loss during training.
 *
 * <p>Build one with {@link #builder}, e.g. {@code Model.builder(3, 64, 64).conv2d(16, 3).relu()
 * .maxPool(2).flatten().dense(3).build(seed)}. Each layer's weights are initialised from the
 * seed, He-style if a ReLU follows it and Glorot-style otherwise.
 *
 * <p>{@link #predict} may be called from several threads at once: each call borrows a private
 * {@link #replica()} (same weights, own buffers) from a small pool.
 */
public final class Model implements Classifier {
    private final Shape input;
    private final List<LayerSpec> specs;
    private final List<Layer> layers;
    private final List<Layer> steps; // what forward and backward run: the layers, with common triples fused
    private final List<Parameter> parameters;
    private final ConcurrentLinkedQueue<Model> predictors = new ConcurrentLinkedQueue<>();

    private Model(Shape input, List<LayerSpec> specs, List<Layer> layers) {
        this.input = input;
        this.specs = List.copyOf(specs);
        this.layers = List.copyOf(layers);
        this.steps = fuse(this.layers);
        List<Parameter> ps = new ArrayList<>();
        for (Layer layer : layers) {
            ps.addAll(layer.parameters());
        }
        this.parameters = Collections.unmodifiableList(ps);
    }

    public static Builder builder(int channels, int height, int width) {
        return new Builder(new Shape(channels, height, width));
    }

    /**
     * The layers with every conv2d + relu + 2x2 max-pool replaced by one {@link ConvReluPool},
     * which gives the same numbers faster. The fused step shares the Conv2D object, so its weights
     * and gradients are the same Parameters.
     */
    private static List<Layer> fuse(List<Layer> layers) {
        List<Layer> steps = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (i + 2 < layers.size() && layers.get(i) instanceof Conv2D conv && layers.get(i + 1) instanceof ReLU
                    && layers.get(i + 2) instanceof MaxPool2D pool && pool.size() == 2) {
                steps.add(new ConvReluPool(conv));
                i += 2;
            } else {
                steps.add(layers.get(i));
            }
        }
        return List.copyOf(steps);
    }

    // ---- the forward/backward pass (used by the trainer; one thread per Model object) ----

    /** Runs the batch through every layer and returns the logits [n x numClasses]. */
    public Tensor forward(Tensor x, boolean training) {
        Tensor t = x;
        for (Layer step : steps) {
            t = step.forward(t, training);
        }
        return t;
    }

    /** Backpropagates d(loss)/d(logits) through every layer, adding into each parameter's grad. */
    public void backward(Tensor gradLogits) {
        Tensor g = gradLogits;
        for (int i = steps.size() - 1; i >= 0 && g != null; i--) {
            g = steps.get(i).backward(g);
        }
    }

    // ---- the same pass cut in two, for the trainer (see Trainer on why) ----

    /**
     * The index of the first step of the "head": the first Flatten or Dense step, from which on
     * every image is a flat vector and the layers are matrix products whose weights dwarf the
     * work per image. 0 when there are no image steps before it (an MLP), and the number of steps
     * when there is no head.
     */
    int headStart() {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Flatten || steps.get(i) instanceof Dense) {
                return i;
            }
        }
        return steps.size();
    }

    int stepCount() { return steps.size(); }

    /** Shape of the output of step {@code i}. */
    Shape stepOutputShape(int i) { return steps.get(i).outputShape(); }

    /** Runs steps [from, to) forward. */
    Tensor forward(int from, int to, Tensor x, boolean training) {
        Tensor t = x;
        for (int i = from; i < to; i++) {
            t = steps.get(i).forward(t, training);
        }
        return t;
    }

    /** Runs steps [from, to) backward; returns the gradient with respect to step from's input (or null). */
    Tensor backward(int from, int to, Tensor gradOut) {
        Tensor g = gradOut;
        for (int i = to - 1; i >= from && g != null; i--) {
            g = steps.get(i).backward(g);
        }
        return g;
    }

    /** Number of entries of {@link #parameters()} that belong to steps before {@code step}. */
    int parametersBefore(int step) {
        int n = 0;
        for (int i = 0; i < step; i++) {
            n += steps.get(i).parameters().size();
        }
        return n;
    }

    public void zeroGrad() {
        for (Parameter p : parameters) {
            p.zeroGrad();
        }
    }

    /** Same weights (shared, not copied), own gradients and buffers: for a parallel worker. */
    public Model replica() {
        List<Layer> copies = new ArrayList<>();
        for (Layer layer : layers) {
            copies.add(layer.replica());
        }
        return new Model(input, specs, copies);
    }

    /** Gives every Dropout layer a fresh random stream derived from {@code seed}. */
    void reseed(long seed) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof Dropout d) {
                d.setRandom(new SplittableRandom(Seeds.mix(seed, i)));
            }
        }
    }

    // ---- the public face used by the app ----

    /** Class probabilities (softmax of the logits) for one image given as CHW floats. */
    @Override
    public float[] predict(float[] chw) {
        if (chw.length != input.size()) {
            throw new IllegalArgumentException("expected " + input.size() + " floats (" + input.c() + "x"
                    + input.h() + "x" + input.w() + "), got " + chw.length);
        }
        Model worker = predictors.poll();
        if (worker == null) {
            // One thread per image: splitting a single image's convolutions over the fork-join
            // pool gained nothing measurable on two cores (about 0.8 ms either way) and would
            // take the second core from the web server and the trainer.
            worker = replica();
        }
        try {
            Tensor logits = worker.forward(new Tensor(1, input.c(), input.h(), input.w(), chw), false);
            float[] probs = new float[numClasses()];
            SoftmaxCrossEntropy.softmax(logits.data, 0, numClasses(), probs, 0);
            return probs;
        } finally {
            predictors.offer(worker);
        }
    }

    /** Probabilities for several pictures, run through one replica in batches of 16. */
    @Override
    public float[][] predictAll(float[][] chws) {
        int k = numClasses();
        float[][] out = new float[chws.length][k];
        Model worker = predictors.poll();
        if (worker == null) {
            worker = replica();
        }
        try {
            for (int first = 0; first < chws.length; first += 16) {
                int n = Math.min(16, chws.length - first);
                Tensor batch = new Tensor(n, input.c(), input.h(), input.w());
                for (int i = 0; i < n; i++) {
                    if (chws[first + i].length != input.size()) {
                        throw new IllegalArgumentException("expected " + input.size() + " floats, got "
                                + chws[first + i].length);
                    }
                    System.arraycopy(chws[first + i], 0, batch.data, i * input.size(), input.size());
                }
                Tensor logits = worker.forward(batch, false);
                for (int i = 0; i < n; i++) {
                    SoftmaxCrossEntropy.softmax(logits.data, i * k, k, out[first + i], 0);
                }
            }
            return out;
        } finally {
            predictors.offer(worker);
        }
    }

    public int inputChannels() { return input.c(); }

    public int inputHeight() { return input.h(); }

    public int inputWidth() { return input.w(); }

    @Override
    public Shape inputShape() { return input; }

    @Override
    public int numClasses() { return layers.get(layers.size() - 1).outputShape().size(); }

    public List<Layer> layers() { return layers; }

    public List<Parameter> parameters() { return parameters; }

    List<LayerSpec> specs() { return specs; }

    public long parameterCount() {
        long n = 0;
        for (Parameter p : parameters) {
            n += p.size();
        }
        return n;
    }

    /** One row per layer, as Keras' model.summary(). */
    public List<LayerSummary> summary() {
        List<LayerSummary> rows = new ArrayList<>();
        int[] seen = new int[Kind.values().length];
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            long count = 0;
            for (Parameter p : layer.parameters()) {
                count += p.size();
            }
            int nth = ++seen[specs.get(i).kind().ordinal()];
            String name = nth == 1 ? layer.name() : layer.name() + "_" + (nth - 1);
            rows.add(new LayerSummary(name, layer.outputShape().toArray(), count));
        }
        return rows;
    }

    /** Copies of all weights, in {@link #parameters()} order. */
    float[][] snapshot() {
        float[][] copy = new float[parameters.size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = parameters.get(i).data.clone();
        }
        return copy;
    }

    void restore(float[][] weights) {
        for (int i = 0; i < weights.length; i++) {
            System.arraycopy(weights[i], 0, parameters.get(i).data, 0, weights[i].length);
            parameters.get(i).changed();
        }
    }

    /**
     * Lists layers Keras-style and builds them. Shapes are worked out as layers are added, so
     * {@code dense(64)} only needs the number of units.
     */
    public static final class Builder {
        private final Shape input;
        private final List<LayerSpec> specs = new ArrayList<>();

        private Builder(Shape input) {
            this.input = input;
        }

        /** Convolution with a square kernel, stride 1 and "same" padding (kernel / 2). */
        public Builder conv2d(int filters, int kernel) {
            return conv2d(filters, kernel, 1, kernel / 2);
        }

        public Builder conv2d(int filters, int kernel, int stride, int padding) {
            return add(new LayerSpec(Kind.CONV2D, filters, kernel, stride, padding, 0f));
        }

        public Builder maxPool(int size) {
            return add(new LayerSpec(Kind.MAX_POOL2D, 0, size, size, 0, 0f));
        }

        public Builder dense(int units) {
            return add(new LayerSpec(Kind.DENSE, units, 0, 0, 0, 0f));
        }

        public Builder flatten() { return add(LayerSpec.of(Kind.FLATTEN)); }

        public Builder globalAveragePool() { return add(LayerSpec.of(Kind.GLOBAL_AVERAGE_POOL)); }

        public Builder dropout(float rate) { return add(new LayerSpec(Kind.DROPOUT, 0, 0, 0, 0, rate)); }

        public Builder relu() { return add(LayerSpec.of(Kind.RELU)); }

        public Builder leakyRelu() { return add(new LayerSpec(Kind.LEAKY_RELU, 0, 0, 0, 0, LeakyReLU.DEFAULT_ALPHA)); }

        public Builder sigmoid() { return add(LayerSpec.of(Kind.SIGMOID)); }

        public Builder tanh() { return add(LayerSpec.of(Kind.TANH)); }

        Builder add(LayerSpec spec) {
            specs.add(spec);
            return this;
        }

        /** Creates the layers and draws all initial weights from {@code seed}. */
        public Model build(long seed) {
            if (specs.isEmpty()) {
                throw new IllegalStateException("a model needs at least one layer");
            }
            SplittableRandom random = new SplittableRandom(seed);
            List<Layer> layers = new ArrayList<>();
            Shape shape = input;
            boolean learnsBefore = false; // a layer with weights came earlier, so input gradients matter
            for (int i = 0; i < specs.size(); i++) {
                LayerSpec s = specs.get(i);
                Init init = i + 1 < specs.size() && specs.get(i + 1).isReluFamily() ? Init.HE : Init.GLOROT;
                Layer layer = create(s, shape, i == 0, init, random);
                if (layer instanceof Dense dense && !learnsBefore) {
                    dense.skipInputGradient();
                }
                learnsBefore |= !layer.parameters().isEmpty();
                layers.add(layer);
                shape = layer.outputShape();
            }
            return new Model(input, specs, layers);
        }

        private static Layer create(LayerSpec s, Shape in, boolean first, Init init, SplittableRandom random) {
            switch (s.kind()) {
                case CONV2D -> {
                    Conv2D conv = new Conv2D(in, s.units(), s.kernel(), s.stride(), s.padding(), !first);
                    conv.initialize(init, random);
                    return conv;
                }
                case DENSE -> {
                    Dense dense = new Dense(in, s.units());
                    dense.initialize(init, random);
                    return dense;
                }
                case MAX_POOL2D -> { return new MaxPool2D(in, s.kernel()); }
                case FLATTEN -> { return new Flatten(in); }
                case GLOBAL_AVERAGE_POOL -> { return new GlobalAveragePool(in); }
                case DROPOUT -> { return new Dropout(in, s.rate()); }
                case RELU -> { return new ReLU(in); }
                case LEAKY_RELU -> { return new LeakyReLU(in, s.rate()); }
                case SIGMOID -> { return new Sigmoid(in); }
                case TANH -> { return new Tanh(in); }
                default -> throw new IllegalArgumentException("unknown layer " + s.kind());
            }
        }
    }
}
