package org.teachbox.engine.layers;

import java.util.Arrays;
import org.teachbox.engine.Parameter;
import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/**
 * The general convolution kernel, for any kernel size, stride and padding, computed the way
 * Caffe does it, with "im2col": every receptive field is unrolled into one column of a matrix,
 * so the whole convolution becomes one matrix product
 * weights[filters x (c*k*k)] * columns[(c*k*k) x (outH*outW)]. Backward is the same product
 * read the other two ways round: the weight gradient is dOut * columns^T, and the input
 * gradient is a convolution of the padded output gradient with the flipped weights (stride 1)
 * or weights^T * dOut folded back with col2im (larger strides).
 *
 * <p>Checked against {@link Reference} by ReferenceTest and PaddedConv3x3Test
 * ({@link Conv2D#withIm2col} builds a layer on this kernel even where {@link PaddedConv3x3} applies).
 */
final class Im2colConv extends ConvKernel {
    private final int pixels; // outH * outW

    // Scratch matrices, kept between calls so that training allocates nothing in the steady state.
    private Tensor input;        // cached for backward, which rebuilds its unrolled columns from it
    private float[][] cols;      // one sample's im2col [rows][pixels]; written by im2col only
    private float[][] outRows;   // one sample's output [filters][pixels]
    private float[][] colsT;     // one sample's columns, transposed [pixels][rows + 1], last entry 1
    private int[] nzPixel;       // the pixels where one filter's output gradient is not 0
    private float[] nzValue;     // the gradient at those pixels
    private float[] ownGradients = new float[0]; // what gradients() hands out
    private float[] gradients;   // the output gradients backward reads, [samples][filters][pixels]
    private float[] flipped;     // the flipped weights, for the current backward pass
    private float[][] gradCols;  // im2col of one sample's output gradient [filters * k * k][input pixels]
    private float[][] gradInRows; // one sample's input gradient [channels][input pixels]
    private float[][] gradRows;  // (stride > 1 only) one sample's output gradient [filters][pixels]
    private float[][] dCols;     // (stride > 1 only) gradient of one sample's columns [rows][pixels]

    Im2colConv(Shape in, Shape out, int k, int stride, int pad, Parameter weight, Parameter bias,
               FlippedKernel flippedKernel, boolean inputGradient) {
        super(in, out, k, stride, pad, weight, bias, flippedKernel, inputGradient);
        this.pixels = out.h() * out.w();
    }

    @Override
    float[][] forward(Tensor x, int s) {
        int filters = out.c();
        input = x;
        outRows = Gemm.rows(outRows, filters, pixels);
        cols = Gemm.rows(cols, rows, pixels);
        im2col(x.data, s * in.size(), in.c(), in.h(), in.w(), pad, out.h(), out.w(), stride, cols);
        for (int f = 0; f < filters; f++) {
            Arrays.fill(outRows[f], 0, pixels, bias.data[f]);
        }
        // out[filters x pixels] += weight[filters x rows] * cols[rows x pixels]
        Gemm.mulAdd(filters, pixels, rows, weight.data, 0, rows, 1, cols, outRows);
        return outRows;
    }

    @Override int rowStride() { return out.w(); }

    @Override boolean rowsHaveSlack() { return false; }

    @Override
    float[] gradients(int samples) {
        int size = samples * out.c() * pixels;
        ownGradients = grow(ownGradients, size);
        Arrays.fill(ownGradients, 0, size, 0f);
        gradients = ownGradients;
        return ownGradients;
    }

    @Override int gradientIndex(int s, int f) { return (s * out.c() + f) * pixels; }

    @Override
    void takeGradients(float[] dense, int samples) {
        gradients = dense;
    }

    @Override
    void backward(int samples, float[][] dWeight, float[] dx) {
        int filters = out.c();
        if (colsT == null && rows + 1 >= SHORT_ROWS) {
            colsT = new float[pixels][rows + 1];
            for (float[] row : colsT) {
                row[rows] = 1f;
            }
        }
        if (nzPixel == null) {
            nzPixel = new int[pixels];
            nzValue = new float[pixels];
        }
        if (dx != null) {
            prepareInputGradient(dx, samples);
        }
        float[] g = gradients;
        for (int s = 0; s < samples; s++) {
            int gOff = s * out.size();
            // The columns are unrolled again rather than kept from the forward pass: a few
            // megabytes of cached columns per batch would push everything else out of the cache.
            im2col(input.data, s * in.size(), in.c(), in.h(), in.w(), pad, out.h(), out.w(), stride, cols);
            if (rows + 1 < SHORT_ROWS) {
                weightGradientSparse(g, gOff, cols, dWeight);
            } else {
                transpose(cols, colsT);
                // dWeight[filters x (rows+1)] += dOut[filters x pixels] * [cols^T | 1][pixels x (rows+1)];
                // the column of ones makes the last column the bias gradient: dOut summed over pixels
                // (dOut is mostly zeros after ReLU and max-pooling, so only its nonzero entries count)
                Gemm.mulAddSparseA(filters, rows + 1, pixels, g, gOff, pixels, colsT, dWeight, nzPixel, nzValue);
            }
            if (dx != null) {
                inputGradient(g, gOff, dx, s * in.size());
            }
        }
    }

    /**
     * Below this many entries per row of the weight gradient, {@link #weightGradientSparse} is
     * faster than a matrix product with rows that short, whose vector loops barely get going.
     */
    private static final int SHORT_ROWS = 64;

    /**
     * dWeight[f][r] += sum over pixels p of dOut[f][p] * cols[r][p], and the bias gradient
     * dWeight[f][rows] += sum over p of dOut[f][p], as dot products that skip the pixels where
     * dOut is 0. This is for layers with a short receptive field, like the first one
     * (3 channels x 3 x 3 = 27), where a matrix product would have rows too short to vectorise.
     *
     * <p>Skipping zeros pays because this layer is nearly always followed by ReLU and max-pooling:
     * only the pixel that won each 2 x 2 window, and only if it was above 0, gets a gradient, so at
     * most a quarter of dOut is not 0. The nonzero pixels of each filter are first listed in
     * order (without branches: a branch on random data is mispredicted too often), and the
     * sums then run over that list, eight rows at a time in registers. Each sum still adds its
     * terms in pixel order, so the result does not depend on where the zeros came from (the
     * fused ConvReluPool and the three separate layers give the same bits). Dense dot products
     * here would spend most of their work on zeros.
     */
    private void weightGradientSparse(float[] g, int gOff, float[][] cols, float[][] dWeight) {
        int filters = out.c();
        int[] at = nzPixel;
        float[] val = nzValue;
        for (int f = 0; f < filters; f++) {
            int o = gOff + f * pixels;
            int n = 0;
            for (int p = 0; p < pixels; p++) {
                at[n] = p;
                // + 1 unless g is +-0, as arithmetic: the JIT turns a float comparison into a branch
                n += -(Float.floatToRawIntBits(g[o + p]) & 0x7fffffff) >>> 31;
            }
            for (int i = 0; i < n; i++) {
                val[i] = g[o + at[i]];
            }
            sumList(dWeight[f], at, val, 0, n, cols);
        }
    }

    /**
     * dw[r] += sum over i < n of val[off + i] * cols[r][at[off + i]] for every row r, and
     * dw[rows] += the sum of the values (the bias), each sum in list order.
     */
    private void sumList(float[] dw, int[] at, float[] val, int off, int n, float[][] cols) {
        int r = 0;
        // eight sums at a time: each multiply-add waits for the one before it in its own sum,
        // so it takes about eight independent sums to keep the FMA units busy
        for (; r + 7 < rows; r += 8) {
            float[] c0 = cols[r], c1 = cols[r + 1], c2 = cols[r + 2], c3 = cols[r + 3];
            float[] c4 = cols[r + 4], c5 = cols[r + 5], c6 = cols[r + 6], c7 = cols[r + 7];
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (int i = 0; i < n; i++) {
                int p = at[off + i];
                float d = val[off + i];
                s0 = Math.fma(d, c0[p], s0);
                s1 = Math.fma(d, c1[p], s1);
                s2 = Math.fma(d, c2[p], s2);
                s3 = Math.fma(d, c3[p], s3);
                s4 = Math.fma(d, c4[p], s4);
                s5 = Math.fma(d, c5[p], s5);
                s6 = Math.fma(d, c6[p], s6);
                s7 = Math.fma(d, c7[p], s7);
            }
            dw[r] += s0;
            dw[r + 1] += s1;
            dw[r + 2] += s2;
            dw[r + 3] += s3;
            dw[r + 4] += s4;
            dw[r + 5] += s5;
            dw[r + 6] += s6;
            dw[r + 7] += s7;
        }
        // the last rows (three for a 27-row field) and the bias, in one more pass
        for (; r + 2 < rows; r += 3) {
            float[] c0 = cols[r], c1 = cols[r + 1], c2 = cols[r + 2];
            float s0 = 0, s1 = 0, s2 = 0;
            for (int i = 0; i < n; i++) {
                int p = at[off + i];
                float d = val[off + i];
                s0 = Math.fma(d, c0[p], s0);
                s1 = Math.fma(d, c1[p], s1);
                s2 = Math.fma(d, c2[p], s2);
            }
            dw[r] += s0;
            dw[r + 1] += s1;
            dw[r + 2] += s2;
        }
        for (; r < rows; r++) {
            float[] c0 = cols[r];
            float s0 = 0;
            for (int i = 0; i < n; i++) {
                s0 = Math.fma(val[off + i], c0[at[off + i]], s0);
            }
            dw[r] += s0;
        }
        float bias = 0;
        for (int i = 0; i < n; i++) {
            bias += val[off + i];
        }
        dw[rows] += bias;
    }

    private void prepareInputGradient(float[] dx, int samples) {
        int filters = out.c();
        if (stride == 1) {
            flipped = flipped();
            gradCols = Gemm.rows(gradCols, filters * k * k, in.h() * in.w());
            gradInRows = Gemm.rows(gradInRows, in.c(), in.h() * in.w());
        } else {
            gradRows = Gemm.rows(gradRows, filters, pixels);
            dCols = Gemm.rows(dCols, rows, pixels);
            Arrays.fill(dx, 0, samples * in.size(), 0f);
        }
    }

    private void inputGradient(float[] g, int gOff, float[] dx, int dxOff) {
        int filters = out.c();
        int inPixels = in.h() * in.w();
        if (stride == 1) {
            im2col(g, gOff, filters, out.h(), out.w(), k - 1 - pad, in.h(), in.w(), 1, gradCols);
            Gemm.zero(gradInRows, in.c(), inPixels);
            Gemm.mulAdd(in.c(), inPixels, filters * k * k, flipped, 0, filters * k * k, 1, gradCols, gradInRows);
            for (int c = 0; c < in.c(); c++) {
                System.arraycopy(gradInRows[c], 0, dx, dxOff + c * inPixels, inPixels);
            }
        } else {
            // dCols[rows x pixels] = weight^T[rows x filters] * dOut[filters x pixels], then fold back
            for (int f = 0; f < filters; f++) {
                System.arraycopy(g, gOff + f * pixels, gradRows[f], 0, pixels);
            }
            Gemm.zero(dCols, rows, pixels);
            Gemm.mulAdd(rows, pixels, filters, weight.data, 0, 1, rows, gradRows, dCols);
            col2im(dCols, dx, dxOff);
        }
    }

    /**
     * dst[p][r] = src[r][p] for the first {@code rows} rows. Eight source rows are read side by
     * side, so each destination row is fetched once per eight values written; and the pixels go
     * in tiles of 64, so the 64 destination rows being filled stay in the L1 cache until every
     * source row has been through them.
     */
    private void transpose(float[][] src, float[][] dst) {
        for (int p0 = 0; p0 < pixels; p0 += 64) {
            int p1 = Math.min(pixels, p0 + 64);
            int r = 0;
            for (; r + 7 < rows; r += 8) {
                float[] s0 = src[r], s1 = src[r + 1], s2 = src[r + 2], s3 = src[r + 3];
                float[] s4 = src[r + 4], s5 = src[r + 5], s6 = src[r + 6], s7 = src[r + 7];
                for (int p = p0; p < p1; p++) {
                    float[] d = dst[p];
                    d[r] = s0[p];
                    d[r + 1] = s1[p];
                    d[r + 2] = s2[p];
                    d[r + 3] = s3[p];
                    d[r + 4] = s4[p];
                    d[r + 5] = s5[p];
                    d[r + 6] = s6[p];
                    d[r + 7] = s7[p];
                }
            }
            for (; r < rows; r++) {
                float[] s0 = src[r];
                for (int p = p0; p < p1; p++) {
                    dst[p][r] = s0[p];
                }
            }
        }
    }

    /**
     * Unrolls each k x k receptive field of a c x h x w image into one column of a matrix with
     * c*k*k rows: cols[(ch*k + ky)*k + kx][y*outW + x] = image[ch][y*stride - pad + ky][x*stride - pad + kx],
     * or 0 where that falls in the padding.
     */
    private void im2col(float[] x, int xOff, int channels, int h, int w, int pad, int outH, int outW, int stride,
                        float[][] cols) {
        if (stride == 1 && outH == h && outW == w) {
            im2colSameSize(x, xOff, channels, h, w, pad, cols);
            return;
        }
        for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    float[] row = cols[(c * k + ky) * k + kx];
                    // output columns whose input column xo*stride - pad + kx lies inside the image
                    int xFirst = Math.min(outW, Math.max(0, ceilDiv(pad - kx, stride)));
                    int xEnd = Math.max(xFirst, Math.min(outW, ceilDiv(w + pad - kx, stride)));
                    for (int y = 0; y < outH; y++) {
                        int iy = y * stride - pad + ky;
                        int dst = y * outW;
                        if (iy < 0 || iy >= h) {
                            Arrays.fill(row, dst, dst + outW, 0f);
                            continue;
                        }
                        int src = xOff + (c * h + iy) * w - pad + kx;
                        for (int xo = 0; xo < xFirst; xo++) {
                            row[dst + xo] = 0f;
                        }
                        if (stride == 1) {
                            System.arraycopy(x, src + xFirst, row, dst + xFirst, xEnd - xFirst);
                        } else {
                            for (int xo = xFirst; xo < xEnd; xo++) {
                                row[dst + xo] = x[src + xo * stride];
                            }
                        }
                        for (int xo = xEnd; xo < outW; xo++) {
                            row[dst + xo] = 0f;
                        }
                    }
                }
            }
        }
    }

    /**
     * im2col for stride 1 when the output is as large as the input (the usual "same" padding).
     * Then row (c, ky, kx) of cols is channel c shifted by (ky - pad, kx - pad), so one long copy
     * moves it; afterwards the few entries that wrapped around from the neighbouring image row are
     * set to 0. This replaces thousands of short copies, whose fixed cost dominated.
     */
    private void im2colSameSize(float[] x, int xOff, int channels, int h, int w, int pad, float[][] cols) {
        int plane = h * w;
        for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < k; ky++) {
                int dy = ky - pad;
                int yFirst = Math.max(0, -dy), yEnd = Math.min(h, h - dy);
                for (int kx = 0; kx < k; kx++) {
                    int dx = kx - pad;
                    float[] row = cols[(c * k + ky) * k + kx];
                    // row[d] = x[shift + d] for the rows y that fall inside the image
                    int shift = xOff + c * plane + dy * w + dx;
                    int from = yFirst * w + Math.max(0, -dx), to = yEnd * w - Math.max(0, dx);
                    // row[0, from) and row[to, plane) are always 0: the buffer starts zeroed, has
                    // the same geometry on every call, and nothing but this method writes it, so
                    // they are not filled again.
                    System.arraycopy(x, shift + from, row, from, to - from);
                    if (dx < 0) {
                        for (int y = yFirst; y < yEnd; y++) {
                            for (int xo = 0; xo < -dx; xo++) {
                                row[y * w + xo] = 0f;
                            }
                        }
                    } else if (dx > 0) {
                        for (int y = yFirst; y < yEnd; y++) {
                            for (int xo = w - dx; xo < w; xo++) {
                                row[y * w + xo] = 0f;
                            }
                        }
                    }
                }
            }
        }
    }

    /** The reverse of im2col: adds each column entry back onto the input pixel it came from. */
    private void col2im(float[][] cols, float[] dx, int xOff) {
        int h = in.h(), w = in.w(), outH = out.h(), outW = out.w();
        for (int c = 0; c < in.c(); c++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    float[] row = cols[(c * k + ky) * k + kx];
                    int xFirst = Math.max(0, ceilDiv(pad - kx, stride));
                    int xEnd = Math.min(outW, ceilDiv(w + pad - kx, stride));
                    for (int y = 0; y < outH; y++) {
                        int iy = y * stride - pad + ky;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        int src = y * outW;
                        int dst = xOff + (c * h + iy) * w - pad + kx;
                        for (int xo = xFirst; xo < xEnd; xo++) {
                            dx[dst + xo * stride] += row[src + xo];
                        }
                    }
                }
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
