package org.teachbox.engine;

import java.util.List;
import java.util.Optional;

import org.teachbox.engine.layers.Activation;
import org.teachbox.engine.layers.Conv2D;
import org.teachbox.engine.layers.Layer;

/**
 * A look inside a network whose first layer is a convolution, as ConvNetJS's demos give: the
 * filters it learned (weights [filters][inChannels][k][k]) and the feature maps they make of one
 * picture, after the activation that follows the convolution (ReLU in RefCNN), if there is one.
 *
 * <p>Safe to use from several threads: every {@link #featureMaps} call runs private replicas of
 * the layers (same weights, own buffers), so it never touches the buffers {@link Model#predict}
 * or the trainer use.
 */
public final class FirstLayer {
    private final Conv2D conv;
    private final Activation activation; // may be null

    private FirstLayer(Conv2D conv, Activation activation) {
        this.conv = conv;
        this.activation = activation;
    }

    /** Empty unless the model's first layer is a convolution (an MLP or a transfer head has none). */
    public static Optional<FirstLayer> of(Model model) {
        List<Layer> layers = model.layers();
        if (layers.isEmpty() || !(layers.getFirst() instanceof Conv2D conv)) {
            return Optional.empty();
        }
        Activation after = layers.size() > 1 && layers.get(1) instanceof Activation a ? a : null;
        return Optional.of(new FirstLayer(conv, after));
    }

    public int filters() { return conv.outputShape().c(); }

    public int inChannels() { return conv.inputShape().c(); }

    public int kernel() { return conv.kernel(); }

    /** Height and width of one feature map. */
    public int mapHeight() { return conv.outputShape().h(); }

    public int mapWidth() { return conv.outputShape().w(); }

    /** Whether {@link #featureMaps} are taken after an activation (ReLU) rather than raw sums. */
    public boolean activated() { return activation != null; }

    /** A copy of filter {@code f}'s weights, [inChannels][k][k] flat. */
    public float[] filter(int f) {
        int size = inChannels() * kernel() * kernel();
        float[] w = new float[size];
        System.arraycopy(conv.parameters().get(0).data, f * size, w, 0, size);
        return w;
    }

    /** A copy of filter {@code f}'s bias. */
    public float bias(int f) {
        return conv.parameters().get(1).data[f];
    }

    /**
     * The first layer's output for one picture (CHW, as the model takes it): one map per filter,
     * [filters][mapHeight * mapWidth], after the activation if the layer has one.
     */
    public float[][] featureMaps(float[] chw) {
        Shape in = conv.inputShape();
        if (chw.length != in.size()) {
            throw new IllegalArgumentException("expected " + in.size() + " floats (" + in.c() + "x" + in.h() + "x"
                    + in.w() + "), got " + chw.length);
        }
        Tensor t = conv.replica().forward(new Tensor(1, in.c(), in.h(), in.w(), chw.clone()), false);
        if (activation != null) {
            t = activation.replica().forward(t, false);
        }
        int plane = mapHeight() * mapWidth();
        float[][] maps = new float[filters()][plane];
        for (int f = 0; f < maps.length; f++) {
            System.arraycopy(t.data, f * plane, maps[f], 0, plane);
        }
        return maps;
    }
}
