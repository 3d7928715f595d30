package org.teachbox.engine.layers;

import java.util.List;
import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/**
 * Max pooling over non-overlapping size x size windows (stride = size, as Keras' default).
 * Forward remembers which input won each window; backward sends the whole gradient to that
 * winner and nothing to the others. Rows or columns that do not fill a window are dropped.
 */
public final class MaxPool2D implements Layer {
    private final Shape in;
    private final Shape out;
    private final int size;
    private int[] winner = new int[0]; // for every output: the index of its max input
    private Tensor output;
    private Tensor gradIn;

    public MaxPool2D(Shape in, int size) {
        this.in = in;
        this.size = size;
        this.out = new Shape(in.c(), in.h() / size, in.w() / size);
    }

    public int size() { return size; }

    @Override public String name() { return "max_pooling2d"; }

    @Override public Shape inputShape() { return in; }

    @Override public Shape outputShape() { return out; }

    @Override public Layer replica() { return new MaxPool2D(in, size); }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        output = Tensor.reuse(output, x.n, out.c(), out.h(), out.w());
        if (winner.length < output.size()) {
            winner = new int[output.size()];
        }
        float[] src = x.data;
        float[] dst = output.data;
        int o = 0;
        for (int plane = 0; plane < x.n * in.c(); plane++) {
            int base = plane * in.h() * in.w();
            for (int y = 0; y < out.h(); y++) {
                for (int xo = 0; xo < out.w(); xo++, o++) {
                    int best = base + (y * size) * in.w() + xo * size;
                    for (int dy = 0; dy < size; dy++) {
                        int row = base + (y * size + dy) * in.w() + xo * size;
                        for (int dx = 0; dx < size; dx++) {
                            if (src[row + dx] > src[best]) {
                                best = row + dx;
                            }
                        }
                    }
                    winner[o] = best;
                    dst[o] = src[best];
                }
            }
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        gradIn = Tensor.reuse(gradIn, gradOut.n, in.c(), in.h(), in.w());
        java.util.Arrays.fill(gradIn.data, 0, gradIn.size(), 0f);
        for (int o = 0; o < gradOut.size(); o++) {
            gradIn.data[winner[o]] += gradOut.data[o];
        }
        return gradIn;
    }
}
