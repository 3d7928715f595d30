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
 * <p>It is computed the way Caffe does it, with "im2col": every receptive field is unrolled
 * into one column of a matrix, so the whole convolution becomes one matrix product
 * weights[filters x (c*k*k)] * columns[(c*k*k) x (outH*outW)]. Backward is the same product
 * read the other two ways round.
 */
public final class Conv2D implements Layer {
    private final Shape in;
    private final Shape out;
    private final int k;
    private final int stride;
    private final int pad;
    private final boolean inputGradient;
    private final Parameter weight; // [filters][c][k][k]
    private final Parameter bias;   // [filters]

    private final int rows;   // c * k * k: length of one unrolled receptive field
    private final int pixels; // outH * outW

    private float[] cols = new float[0];   // im2col of each sample of the batch, cached for backward
    private float[] colsT = new float[0];  // scratch: one sample's columns transposed
    private float[] dCols = new float[0];  // scratch: gradient of one sample's columns
    private float[] weightT = new float[0]; // scratch: the weights transposed, rows x filters
    private Tensor input;
    private Tensor output;
    private Tensor gradIn;

    /**
     * @param inputGradient false for the first layer of a network, whose input gradient
     *                      nobody needs; skipping it saves a third of that layer's backward pass.
     */
    public Conv2D(Shape in, int filters, int kernel, int stride, int pad, boolean inputGradient) {
        this(in, filters, kernel, stride, pad, inputGradient,
                new Parameter("kernel", filters * in.c() * kernel * kernel, true),
                new Parameter("bias", filters, false));
    }

    private Conv2D(Shape in, int filters, int kernel, int stride, int pad, boolean inputGradient,
                   Parameter weight, Parameter bias) {
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
        this.rows = in.c() * kernel * kernel;
        this.pixels = outH * outW;
    }

    public void initialize(Init init, SplittableRandom random) {
        init.fill(weight.data, rows, out.c() * k * k, random);
        Arrays.fill(bias.data, 0f);
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
        return new Conv2D(in, out.c(), k, stride, pad, inputGradient, weight.replica(), bias.replica());
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        int n = x.n;
        input = x;
        output = Tensor.reuse(output, n, out.c(), out.h(), out.w());
        int colSize = rows * pixels;
        if (cols.length < n * colSize) {
            cols = new float[n * colSize];
        }
        float[] o = output.data;
        for (int s = 0; s < n; s++) {
            im2col(x.data, s * in.size(), cols, s * colSize);
            int oOff = s * out.size();
            for (int f = 0; f < out.c(); f++) {
                Arrays.fill(o, oOff + f * pixels, oOff + (f + 1) * pixels, bias.data[f]);
            }
            Gemm.mulAdd(out.c(), pixels, rows, weight.data, 0, rows, cols, s * colSize, pixels, o, oOff, pixels);
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        int n = gradOut.n;
        int colSize = rows * pixels;
        if (colsT.length < colSize) {
            colsT = new float[colSize];
            dCols = new float[colSize];
        }
        if (inputGradient) {
            gradIn = Tensor.reuse(gradIn, n, in.c(), in.h(), in.w());
            Arrays.fill(gradIn.data, 0, gradIn.size(), 0f);
            if (weightT.length < weight.size()) {
                weightT = new float[weight.size()];
            }
            Gemm.transpose(weight.data, 0, out.c(), rows, weightT, 0);
        }
        float[] g = gradOut.data;
        for (int s = 0; s < n; s++) {
            int gOff = s * out.size();
            for (int f = 0; f < out.c(); f++) {
                float sum = 0;
                for (int p = 0; p < pixels; p++) {
                    sum += g[gOff + f * pixels + p];
                }
                bias.grad[f] += sum;
            }
            // dW[filters x rows] += dOut[filters x pixels] * cols^T[pixels x rows]
            Gemm.transpose(cols, s * colSize, rows, pixels, colsT, 0);
            Gemm.mulAdd(out.c(), rows, pixels, g, gOff, pixels, colsT, 0, rows, weight.grad, 0, rows);
            if (inputGradient) {
                // dCols[rows x pixels] = W^T[rows x filters] * dOut[filters x pixels], then fold back
                Arrays.fill(dCols, 0, colSize, 0f);
                Gemm.mulAdd(rows, pixels, out.c(), weightT, 0, out.c(), g, gOff, pixels, dCols, 0, pixels);
                col2im(dCols, gradIn.data, s * in.size());
            }
        }
        return inputGradient ? gradIn : null;
    }

    /** Unrolls each k x k x c receptive field into one column: cols[(c*k + ky)*k + kx][y*outW + x]. */
    private void im2col(float[] x, int xOff, float[] cols, int cOff) {
        int h = in.h(), w = in.w(), outH = out.h(), outW = out.w();
        for (int c = 0; c < in.c(); c++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    int row = cOff + ((c * k + ky) * k + kx) * pixels;
                    for (int y = 0; y < outH; y++) {
                        int iy = y * stride - pad + ky;
                        int dst = row + y * outW;
                        if (iy < 0 || iy >= h) {
                            Arrays.fill(cols, dst, dst + outW, 0f);
                            continue;
                        }
                        int src = xOff + (c * h + iy) * w;
                        for (int xo = 0; xo < outW; xo++) {
                            int ix = xo * stride - pad + kx;
                            cols[dst + xo] = ix >= 0 && ix < w ? x[src + ix] : 0f;
                        }
                    }
                }
            }
        }
    }

    /** The reverse of im2col: adds each column entry back onto the input pixel it came from. */
    private void col2im(float[] cols, float[] dx, int xOff) {
        int h = in.h(), w = in.w(), outH = out.h(), outW = out.w();
        for (int c = 0; c < in.c(); c++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    int row = ((c * k + ky) * k + kx) * pixels;
                    for (int y = 0; y < outH; y++) {
                        int iy = y * stride - pad + ky;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        int src = row + y * outW;
                        int dst = xOff + (c * h + iy) * w;
                        for (int xo = 0; xo < outW; xo++) {
                            int ix = xo * stride - pad + kx;
                            if (ix >= 0 && ix < w) {
                                dx[dst + ix] += cols[src + xo];
                            }
                        }
                    }
                }
            }
        }
    }
}
