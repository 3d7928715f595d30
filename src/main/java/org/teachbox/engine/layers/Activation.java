package org.teachbox.engine.layers;

import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/**
 * What the element-wise activations (ReLU, LeakyReLU, Sigmoid, Tanh) share: the same shape in
 * and out, and output buffers kept between calls. Each subclass writes its own two loops,
 * forward (y = f(x)) and backward (dx = dy * f'(x)), so the JIT can compile each loop with the
 * function inlined rather than calling it once per number.
 */
public abstract class Activation implements Layer {
    private final Shape shape;
    protected Tensor input;
    protected Tensor output;
    protected Tensor gradIn;

    protected Activation(Shape shape) {
        this.shape = shape;
    }

    @Override public Shape inputShape() { return shape; }

    @Override public Shape outputShape() { return shape; }

    /** Remembers the input and makes sure the output buffer fits it. */
    protected final void prepareForward(Tensor x) {
        input = x;
        output = Tensor.reuse(output, x.n, x.c, x.h, x.w);
    }

    protected final void prepareBackward(Tensor gradOut) {
        gradIn = Tensor.reuse(gradIn, gradOut.n, gradOut.c, gradOut.h, gradOut.w);
    }
}
