package org.teachbox.engine.layers;

import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/**
 * Averages each channel over all its pixels: c x h x w becomes c x 1 x 1. Backward spreads each
 * channel's gradient evenly, 1 / (h*w) to every pixel.
 */
public final class GlobalAveragePool implements Layer {
    private final Shape in;
    private final Shape out;
    private Tensor output;
    private Tensor gradIn;

    public GlobalAveragePool(Shape in) {
        this.in = in;
        this.out = new Shape(in.c(), 1, 1);
    }

    @Override public String name() { return "global_average_pooling2d"; }

    @Override public Shape inputShape() { return in; }

    @Override public Shape outputShape() { return out; }

    @Override public Layer replica() { return new GlobalAveragePool(in); }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        output = Tensor.reuse(output, x.n, in.c(), 1, 1);
        int area = in.h() * in.w();
        for (int plane = 0; plane < x.n * in.c(); plane++) {
            float sum = 0;
            for (int i = 0; i < area; i++) {
                sum += x.data[plane * area + i];
            }
            output.data[plane] = sum / area;
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        gradIn = Tensor.reuse(gradIn, gradOut.n, in.c(), in.h(), in.w());
        int area = in.h() * in.w();
        for (int plane = 0; plane < gradOut.n * in.c(); plane++) {
            float g = gradOut.data[plane] / area;
            java.util.Arrays.fill(gradIn.data, plane * area, (plane + 1) * area, g);
        }
        return gradIn;
    }
}
