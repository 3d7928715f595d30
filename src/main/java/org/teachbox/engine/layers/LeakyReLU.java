package org.teachbox.engine.layers;

import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/**
 * The activation x for x > 0 and alpha * x otherwise (alpha = 0.01 by default). Unlike ReLU its
 * slope never becomes exactly zero, so a unit that went negative can still recover.
 */
public final class LeakyReLU extends Activation {
    public static final float DEFAULT_ALPHA = 0.01f;
    private final float alpha;

    public LeakyReLU(Shape shape, float alpha) {
        super(shape);
        if (!(alpha >= 0f && alpha < 1f)) {
            throw new IllegalArgumentException("alpha must be in [0, 1): " + alpha);
        }
        this.alpha = alpha;
    }

    public float alpha() { return alpha; }

    @Override public String name() { return "leaky_relu"; }

    @Override public Layer replica() { return new LeakyReLU(inputShape(), alpha); }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        prepareForward(x);
        float[] in = x.data, out = output.data;
        for (int i = 0, n = x.size(); i < n; i++) {
            out[i] = Math.max(in[i], alpha * in[i]); // = x for x > 0, alpha * x otherwise (alpha < 1)
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        prepareBackward(gradOut);
        float[] in = input.data, g = gradOut.data, d = gradIn.data;
        // slope = 1 for x > 0 and alpha for x < 0, written branch-free with signum(x) = +-1 so the
        // loop compiles to SIMD instructions
        float mid = (1f + alpha) / 2f, half = (1f - alpha) / 2f;
        for (int i = 0, n = gradOut.size(); i < n; i++) {
            d[i] = g[i] * (mid + half * Math.signum(in[i]));
        }
        return gradIn;
    }
}
