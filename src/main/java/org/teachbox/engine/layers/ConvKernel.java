package org.teachbox.engine.layers;

import org.teachbox.engine.Parameter;
import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/**
 * How one {@link Conv2D} computes: one forward and one backward, chosen once when the layer is
 * built. {@link PaddedConv3x3} does 3 x 3, stride 1, padding 1 with the Vector API;
 * {@link Im2colConv} does every other shape, and all shapes when the Vector API is missing.
 * Both compute {@link Reference#conv2dForward} and {@link Reference#conv2dBackward}.
 *
 * <p>The protocol is the same for both, so {@link Conv2D} and {@link ConvReluPool} never ask
 * which kernel they have:
 * <ol>
 *   <li>{@link #forward} convolves one sample and returns its output as rows, one per filter,
 *       with output (y, x) at {@code y * rowStride() + x};</li>
 *   <li>the caller writes the output gradient into {@link #gradients}, at
 *       {@code gradientIndex(s, f) + y * rowStride() + x}, or hands a dense one to
 *       {@link #takeGradients};</li>
 *   <li>{@link #backward} adds the weight and bias gradients to the parameters and returns the
 *       input gradient (or null for a first layer, whose input gradient nobody needs).</li>
 * </ol>
 */
abstract class ConvKernel {
    protected final Shape in;
    protected final Shape out;
    protected final int k;
    protected final int stride;
    protected final int pad;
    protected final int rows; // c * k * k: length of one receptive field
    protected final Parameter weight; // [filters][c][k][k]
    protected final Parameter bias;   // [filters]
    private final FlippedKernel flippedKernel;
    private final boolean inputGradient;
    private float[][] dWeight; // [filters][rows + 1]; the last column is the bias gradient
    private Tensor gradIn;

    ConvKernel(Shape in, Shape out, int k, int stride, int pad, Parameter weight, Parameter bias,
               FlippedKernel flippedKernel, boolean inputGradient) {
        this.in = in;
        this.out = out;
        this.k = k;
        this.stride = stride;
        this.pad = pad;
        this.rows = in.c() * k * k;
        this.weight = weight;
        this.bias = bias;
        this.flippedKernel = flippedKernel;
        this.inputGradient = inputGradient;
    }

    /**
     * Convolves sample {@code s} of {@code x} and returns its output as rows [filters], valid
     * until the next call, keeping what backward needs. Samples must come in order from 0.
     */
    abstract float[][] forward(Tensor x, int s);

    /** Distance between output rows in what {@link #forward} returns, and in {@link #gradients}. */
    abstract int rowStride();

    /** True if each row {@link #forward} returns has room to read one float past its end ({@link VectorPool} does). */
    abstract boolean rowsHaveSlack();

    /** The output gradients of {@code samples} samples, all 0, for the caller to fill. */
    abstract float[] gradients(int samples);

    /** Where the gradient of output (0, 0) of sample s, filter f sits in {@link #gradients}. */
    abstract int gradientIndex(int s, int f);

    /** Takes dense output gradients [samples][filters][outH][outW] in place of {@link #gradients}. */
    abstract void takeGradients(float[] dense, int samples);

    /**
     * Adds the weight gradient and the bias gradient (in column {@code rows}) of the last
     * forward pass and the gradients given to {@code dWeight}, and writes the input gradient to
     * {@code dx} [samples][channels][h][w] unless it is null.
     */
    abstract void backward(int samples, float[][] dWeight, float[] dx);

    /** Backward from the gradients given: see the class comment. */
    final Tensor backward(int samples) {
        dWeight = Gemm.rows(dWeight, out.c(), rows + 1);
        Gemm.zero(dWeight, out.c(), rows + 1);
        if (inputGradient) {
            gradIn = Tensor.reuse(gradIn, samples, in.c(), in.h(), in.w());
        }
        backward(samples, dWeight, inputGradient ? gradIn.data : null);
        for (int f = 0; f < out.c(); f++) {
            float[] d = dWeight[f];
            for (int r = 0; r < rows; r++) {
                weight.grad[f * rows + r] += d[r];
            }
            bias.grad[f] += d[rows];
        }
        return inputGradient ? gradIn : null;
    }

    /**
     * The weights turned by 180 degrees, channels and filters swapped: with stride 1 the input
     * gradient is the output gradient, padded by k - 1 - pad, convolved with these.
     */
    protected final float[] flipped() {
        return flippedKernel.of(weight);
    }

    protected static float[] grow(float[] a, int size) {
        return a.length >= size ? a : new float[size];
    }
}
