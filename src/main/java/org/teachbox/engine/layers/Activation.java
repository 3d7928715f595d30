package org.teachbox.engine.layers;

import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/**
 * The shared frame of the element-wise activations (ReLU, LeakyReLU, Sigmoid, Tanh): each one
 * only says how to map one number ({@link #apply}) and what the slope is, given the input and
 * the output it produced ({@link #slope}). Backward multiplies the incoming gradient by that
 * slope, element by element: the chain rule for a function of one variable.
 */
public abstract class Activation implements Layer {
    private final Shape shape;
    private Tensor input;
    private Tensor output;
    private Tensor gradIn;

    protected Activation(Shape shape) {
        this.shape = shape;
    }

    protected abstract float apply(float x);

    protected abstract float slope(float x, float y);

    @Override public Shape inputShape() { return shape; }

    @Override public Shape outputShape() { return shape; }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        input = x;
        output = Tensor.reuse(output, x.n, x.c, x.h, x.w);
        float[] in = x.data, out = output.data;
        for (int i = 0, size = x.size(); i < size; i++) {
            out[i] = apply(in[i]);
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        gradIn = Tensor.reuse(gradIn, gradOut.n, gradOut.c, gradOut.h, gradOut.w);
        float[] in = input.data, out = output.data, g = gradOut.data, d = gradIn.data;
        for (int i = 0, size = gradOut.size(); i < size; i++) {
            d[i] = g[i] * slope(in[i], out[i]);
        }
        return gradIn;
    }
}
