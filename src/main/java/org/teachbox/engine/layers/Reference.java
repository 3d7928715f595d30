package org.teachbox.engine.layers;

import org.teachbox.engine.Shape;

/**
 * The plain loops: convolution, dense and max-pool written the way a student reads them, each
 * forward with its backward right under it in the same loop shape, as in ConvNetJS. The layers
 * the network runs ({@link Conv2D} on {@link PaddedConv3x3} or im2col with {@link Gemm},
 * {@link Dense} on {@link DenseKernels} or {@link Gemm}, {@link MaxPool2D}, {@link ConvReluPool}
 * with {@link VectorPool}) compute the same sums, only rearranged for speed; the tests check
 * every one of them against these loops. Nothing is cached and nothing is reused: each call
 * allocates its result, sums in double, and takes everything it needs as arguments.
 *
 * <p>All arrays are flat in NCHW order, as {@link org.teachbox.engine.Tensor}'s. Backward
 * methods add the parameter gradients into {@code dWeight} and {@code dBias}, as layers add into
 * {@code Parameter.grad}, and return the input gradient.
 */
final class Reference {

    private Reference() {
    }

    // ---- Conv2D: weight[f][c][ky][kx], bias[f] ----

    /**
     * out[s][f][y][x] = bias[f] + sum over c, ky, kx of
     * weight[f][c][ky][kx] * in[s][c][y*stride - pad + ky][x*stride - pad + kx] (0 outside the image).
     */
    static float[] conv2dForward(float[] in, int n, Shape inShape, float[] weight, float[] bias,
                                 int filters, int k, int stride, int pad) {
        int ch = inShape.c(), h = inShape.h(), w = inShape.w();
        int outH = (h + 2 * pad - k) / stride + 1, outW = (w + 2 * pad - k) / stride + 1;
        float[] out = new float[n * filters * outH * outW];
        for (int s = 0; s < n; s++) {
            for (int f = 0; f < filters; f++) {
                for (int y = 0; y < outH; y++) {
                    for (int x = 0; x < outW; x++) {
                        double sum = bias[f];
                        for (int c = 0; c < ch; c++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int iy = y * stride - pad + ky, ix = x * stride - pad + kx;
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                        sum += weight[((f * ch + c) * k + ky) * k + kx]
                                                * in[((s * ch + c) * h + iy) * w + ix];
                                    }
                                }
                            }
                        }
                        out[((s * filters + f) * outH + y) * outW + x] = (float) sum;
                    }
                }
            }
        }
        return out;
    }

    /**
     * The same loops as forward; each product weight * in sends the output's gradient back to
     * both factors: dWeight += gradOut * in, dIn += gradOut * weight, dBias += gradOut.
     */
    static float[] conv2dBackward(float[] in, int n, Shape inShape, float[] weight, int filters, int k, int stride,
                                  int pad, float[] gradOut, float[] dWeight, float[] dBias) {
        int ch = inShape.c(), h = inShape.h(), w = inShape.w();
        int outH = (h + 2 * pad - k) / stride + 1, outW = (w + 2 * pad - k) / stride + 1;
        double[] dIn = new double[n * ch * h * w];
        double[] dW = new double[weight.length];
        double[] dB = new double[filters];
        for (int s = 0; s < n; s++) {
            for (int f = 0; f < filters; f++) {
                for (int y = 0; y < outH; y++) {
                    for (int x = 0; x < outW; x++) {
                        double g = gradOut[((s * filters + f) * outH + y) * outW + x];
                        dB[f] += g;
                        for (int c = 0; c < ch; c++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int iy = y * stride - pad + ky, ix = x * stride - pad + kx;
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                        int wi = ((f * ch + c) * k + ky) * k + kx;
                                        int ii = ((s * ch + c) * h + iy) * w + ix;
                                        dW[wi] += g * in[ii];
                                        dIn[ii] += g * weight[wi];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        addInto(dWeight, dW);
        addInto(dBias, dB);
        return toFloats(dIn);
    }

    // ---- Dense: kernel[i][j] (inputs x units, as Keras), bias[j] ----

    /** out[s][j] = bias[j] + sum over i of in[s][i] * kernel[i][j]. */
    static float[] denseForward(float[] in, int n, int inputs, float[] kernel, float[] bias, int units) {
        float[] out = new float[n * units];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < units; j++) {
                double sum = bias[j];
                for (int i = 0; i < inputs; i++) {
                    sum += in[s * inputs + i] * kernel[i * units + j];
                }
                out[s * units + j] = (float) sum;
            }
        }
        return out;
    }

    /** dKernel[i][j] += in[s][i] * gradOut[s][j], dIn[s][i] += kernel[i][j] * gradOut[s][j], dBias[j] += gradOut[s][j]. */
    static float[] denseBackward(float[] in, int n, int inputs, float[] kernel, int units, float[] gradOut,
                                 float[] dKernel, float[] dBias) {
        double[] dIn = new double[n * inputs];
        double[] dK = new double[kernel.length];
        double[] dB = new double[units];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < units; j++) {
                double g = gradOut[s * units + j];
                dB[j] += g;
                for (int i = 0; i < inputs; i++) {
                    dK[i * units + j] += g * in[s * inputs + i];
                    dIn[s * inputs + i] += g * kernel[i * units + j];
                }
            }
        }
        addInto(dKernel, dK);
        addInto(dBias, dB);
        return toFloats(dIn);
    }

    // ---- MaxPool2D: size x size windows, stride size ----

    /** out[s][c][y][x] = the largest in[s][c][y*size + dy][x*size + dx] over dy, dx < size. */
    static float[] maxPoolForward(float[] in, int n, Shape inShape, int size) {
        int ch = inShape.c(), h = inShape.h(), w = inShape.w(), outH = h / size, outW = w / size;
        float[] out = new float[n * ch * outH * outW];
        for (int p = 0; p < n * ch; p++) {
            for (int y = 0; y < outH; y++) {
                for (int x = 0; x < outW; x++) {
                    out[(p * outH + y) * outW + x] = in[winner(in, p, h, w, size, y, x)];
                }
            }
        }
        return out;
    }

    /** The same loops: each window's gradient goes to the input that won it (the first of equal maxima). */
    static float[] maxPoolBackward(float[] in, int n, Shape inShape, int size, float[] gradOut) {
        int ch = inShape.c(), h = inShape.h(), w = inShape.w(), outH = h / size, outW = w / size;
        float[] dIn = new float[in.length];
        for (int p = 0; p < n * ch; p++) {
            for (int y = 0; y < outH; y++) {
                for (int x = 0; x < outW; x++) {
                    dIn[winner(in, p, h, w, size, y, x)] += gradOut[(p * outH + y) * outW + x];
                }
            }
        }
        return dIn;
    }

    private static int winner(float[] in, int plane, int h, int w, int size, int y, int x) {
        int best = (plane * h + y * size) * w + x * size;
        for (int dy = 0; dy < size; dy++) {
            for (int dx = 0; dx < size; dx++) {
                int i = (plane * h + y * size + dy) * w + x * size + dx;
                if (in[i] > in[best]) {
                    best = i;
                }
            }
        }
        return best;
    }

    // ---- ReLU, for chaining the three layers ConvReluPool fuses ----

    static float[] reluForward(float[] in) {
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = Math.max(0f, in[i]);
        }
        return out;
    }

    /** The slope is 1 where the input was above 0, else 0. */
    static float[] reluBackward(float[] in, float[] gradOut) {
        float[] dIn = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            dIn[i] = in[i] > 0 ? gradOut[i] : 0f;
        }
        return dIn;
    }

    private static void addInto(float[] grad, double[] sums) {
        for (int i = 0; i < sums.length; i++) {
            grad[i] += (float) sums[i];
        }
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
