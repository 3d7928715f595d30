package org.teachbox.engine.layers;

import java.util.List;
import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/**
 * Max pooling over non-overlapping size x size windows (stride = size, as Keras' default).
 * Forward remembers which input won each window; backward sends the whole gradient to that
 * winner and nothing to the others. Rows or columns that do not fill a window are dropped.
 * The plain loops it is tested against are {@link Reference#maxPoolForward} and
 * {@link Reference#maxPoolBackward}.
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
        int planes = x.n * in.c();
        if (size == 2) {
            pool2x2(src, dst, planes);
            return output;
        }
        int o = 0;
        for (int plane = 0; plane < planes; plane++) {
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

    /**
     * The common 2 x 2 case written out: the same winners as the general loop (the first of equal
     * maxima, except that +0 beats an earlier -0), but without branches. Which of two inputs wins is random on real data, so branches
     * would be mispredicted half the time; instead the sign bit of a difference picks the index:
     * sign(a - b) is 1 exactly when b > a, because two different floats never subtract to zero.
     */
    private void pool2x2(float[] src, float[] dst, int planes) {
        int w = in.w();
        int o = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * in.h() * w;
            for (int y = 0; y < out.h(); y++) {
                int r0 = base + 2 * y * w;
                int r1 = r0 + w;
                for (int xo = 0; xo < out.w(); xo++, o++) {
                    int i = r0 + 2 * xo;
                    int j = r1 + 2 * xo;
                    int upper = i + signBit(src[i] - src[i + 1]);
                    int lower = j + signBit(src[j] - src[j + 1]);
                    int best = upper + ((lower - upper) & -signBit(src[upper] - src[lower]));
                    winner[o] = best;
                    dst[o] = src[best];
                }
            }
        }
    }

    /** 1 if x is negative (or -0), else 0. */
    private static int signBit(float x) {
        return Float.floatToRawIntBits(x) >>> 31;
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
