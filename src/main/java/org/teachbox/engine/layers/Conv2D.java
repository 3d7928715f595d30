package org.teachbox.engine.layers;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.teachbox.engine.Parameter;
import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/**
 * A 2-D convolution: {@code filters} kernels of size k x k slide over the input with the given
 * stride and zero padding. out[f][y][x] = bias[f] + sum over c, ky, kx of
 * weight[f][c][ky][kx] * in[c][y*stride - pad + ky][x*stride - pad + kx].
 *
 * <p>The layer holds the parameters; a {@link ConvKernel}, chosen once, computes. The usual
 * case, 3 x 3 with stride 1 and padding 1 (every preset), runs on {@link PaddedConv3x3} when the
 * JVM has the Vector API; everything else on {@link Im2colConv}. Both give the same output and
 * input gradient to the bit, and the same weight gradients up to rounding.
 *
 * <p>The plain loops both kernels are tested against, forward and backward side by side, are
 * {@link Reference#conv2dForward} and {@link Reference#conv2dBackward}.
 */
public final class Conv2D implements Layer {
    private final Shape in;
    private final Shape out;
    private final int k;
    private final int stride;
    private final int pad;
    private final boolean inputGradient;
    private final boolean vector; // computes on PaddedConv3x3
    private final Parameter weight; // [filters][c][k][k]
    private final Parameter bias;   // [filters]
    private final FlippedKernel flippedKernel; // shared by all replicas
    private ConvKernel kernel;    // made on first use: its buffers are only needed by a layer that runs
    private Tensor output;

    /**
     * @param inputGradient false for the first layer of a network, whose input gradient
     *                      nobody needs, so backward skips it.
     */
    public Conv2D(Shape in, int filters, int kernel, int stride, int pad, boolean inputGradient) {
        this(in, filters, kernel, stride, pad, inputGradient, PaddedConv3x3.applies(kernel, stride, pad));
    }

    /** The same layer computed by {@link Im2colConv} whatever its shape, to compare against. */
    static Conv2D withIm2col(Shape in, int filters, int kernel, int stride, int pad, boolean inputGradient) {
        return new Conv2D(in, filters, kernel, stride, pad, inputGradient, false);
    }

    private Conv2D(Shape in, int filters, int kernel, int stride, int pad, boolean inputGradient, boolean vector) {
        this(in, filters, kernel, stride, pad, inputGradient,
                new Parameter("kernel", filters * in.c() * kernel * kernel, true),
                new Parameter("bias", filters, false), vector, new FlippedKernel(filters, in.c(), kernel));
    }

    private Conv2D(Shape in, int filters, int kernel, int stride, int pad, boolean inputGradient,
                   Parameter weight, Parameter bias, boolean vector, FlippedKernel flippedKernel) {
        int outH = (in.h() + 2 * pad - kernel) / stride + 1;
        int outW = (in.w() + 2 * pad - kernel) / stride + 1;
        this.in = in;
        this.out = new Shape(filters, outH, outW);
        this.k = kernel;
        this.stride = stride;
        this.pad = pad;
        this.inputGradient = inputGradient;
        this.weight = weight;
        this.bias = bias;
        this.vector = vector;
        this.flippedKernel = flippedKernel;
    }

    public void initialize(Init init, SplittableRandom random) {
        init.fill(weight.data, in.c() * k * k, out.c() * k * k, random);
        Arrays.fill(bias.data, 0f);
        weight.changed();
    }

    public int kernel() { return k; }

    public int stride() { return stride; }

    public int padding() { return pad; }

    @Override public String name() { return "conv2d"; }

    @Override public Shape inputShape() { return in; }

    @Override public Shape outputShape() { return out; }

    @Override public List<Parameter> parameters() { return List.of(weight, bias); }

    @Override
    public Layer replica() {
        return new Conv2D(in, out.c(), k, stride, pad, inputGradient, weight.replica(), bias.replica(), vector,
                flippedKernel);
    }

    /** What computes this layer; {@link ConvReluPool} drives it directly. */
    ConvKernel compute() {
        if (kernel == null) {
            kernel = vector ? new PaddedConv3x3(in, out, weight, bias, flippedKernel, inputGradient)
                    : new Im2colConv(in, out, k, stride, pad, weight, bias, flippedKernel, inputGradient);
        }
        return kernel;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        ConvKernel kernel = compute();
        int filters = out.c(), h = out.h(), w = out.w(), rowStride = kernel.rowStride();
        output = Tensor.reuse(output, x.n, filters, h, w);
        for (int s = 0; s < x.n; s++) {
            float[][] rows = kernel.forward(x, s);
            for (int f = 0; f < filters; f++) {
                int at = (s * filters + f) * h * w;
                if (rowStride == w) {
                    System.arraycopy(rows[f], 0, output.data, at, h * w);
                    continue;
                }
                for (int y = 0; y < h; y++) {
                    System.arraycopy(rows[f], y * rowStride, output.data, at + y * w, w);
                }
            }
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        ConvKernel kernel = compute();
        kernel.takeGradients(gradOut.data, gradOut.n);
        return kernel.backward(gradOut.n);
    }
}
