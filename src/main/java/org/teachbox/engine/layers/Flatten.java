package org.teachbox.engine.layers;

import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/**
 * Reads each c x h x w image as one vector of c*h*w numbers. In NCHW memory that vector is
 * already laid out in order, so Flatten copies nothing: it only relabels the shape.
 */
public final class Flatten implements Layer {
    private final Shape in;
    private final Shape out;

    public Flatten(Shape in) {
        this.in = in;
        this.out = new Shape(in.size(), 1, 1);
    }

    @Override public String name() { return "flatten"; }

    @Override public Shape inputShape() { return in; }

    @Override public Shape outputShape() { return out; }

    @Override public Layer replica() { return new Flatten(in); }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        return new Tensor(x.n, out.c(), 1, 1, x.data);
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        return new Tensor(gradOut.n, in.c(), in.h(), in.w(), gradOut.data);
    }
}
