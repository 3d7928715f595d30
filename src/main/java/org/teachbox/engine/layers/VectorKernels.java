package org.teachbox.engine.layers;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The two loops behind {@link PaddedConv3x3}, written with Java's Vector API, so that they are
 * SIMD code whatever the JIT's auto-vectoriser makes of them. They read their input at a
 * different offset for every kernel tap ({@code src[off[i] + j]}); the auto-vectoriser gives up on
 * such loops (it cannot rule out that they overlap the array being written) and runs them one
 * float at a time. Explicit vectors also let a whole tile of outputs
 * stay in registers for the entire sum instead of being loaded and stored for every few taps.
 *
 * <p>Only loaded when the {@code jdk.incubator.vector} module is present; see {@link VectorSupport}.
 */
final class VectorKernels {
    private VectorKernels() {}

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();

    /** Pixels per tile: two vectors. Callers make their rows a multiple of this long. */
    static final int TILE = 2 * L;

    /**
     * dst[o][j] = start + sum over taps i of w[o * taps + i] * src[base + off[i] + j], for outputs
     * o < outs and pixels j < n (a multiple of {@link #TILE}); start is bias[o], or 0 when bias is
     * null. Each sum starts from its start value and adds its terms with one fma each, in tap
     * order, exactly as {@link Gemm#mulAdd} does over an im2col matrix, so both give the same bits.
     *
     * <p>Eight outputs by two vectors of pixels are summed at a time in sixteen registers: every
     * loaded pixel feeds eight multiply-adds, and every weight sixteen lanes twice.
     */
    static void convolve(float[] src, int base, int[] off, int taps, float[] w, float[] bias, int outs,
                         float[][] dst, int n) {
        int o = 0;
        for (; o + 7 < outs; o += 8) {
            eightOutputs(src, base, off, taps, w, bias, o, dst, n);
        }
        for (; o < outs; o++) {
            oneOutput(src, base, off, taps, w, bias, o, dst[o], n);
        }
    }

    private static void eightOutputs(float[] src, int base, int[] off, int taps, float[] w, float[] bias, int o,
                                     float[][] dst, int n) {
        for (int j = 0; j < n; j += TILE) {
            eightOutputsTile(src, base, off, taps, w, bias, o, dst, j);
        }
    }

    /**
     * Outputs o..o+7 at pixels j..j+TILE. A method of its own: when the JIT compiles a long
     * loop over tiles while it runs (on-stack replacement), it may keep the vectors as objects.
     */
    private static void eightOutputsTile(float[] src, int base, int[] off, int taps, float[] w, float[] bias, int o,
                                         float[][] dst, int j) {
        int w0 = o * taps, w1 = w0 + taps, w2 = w1 + taps, w3 = w2 + taps;
        int w4 = w3 + taps, w5 = w4 + taps, w6 = w5 + taps, w7 = w6 + taps;
        FloatVector s00 = start(bias, o), s01 = s00, s10 = start(bias, o + 1), s11 = s10;
        FloatVector s20 = start(bias, o + 2), s21 = s20, s30 = start(bias, o + 3), s31 = s30;
        FloatVector s40 = start(bias, o + 4), s41 = s40, s50 = start(bias, o + 5), s51 = s50;
        FloatVector s60 = start(bias, o + 6), s61 = s60, s70 = start(bias, o + 7), s71 = s70;
        for (int i = 0; i < taps; i++) {
            int at = base + off[i] + j;
            FloatVector x0 = FloatVector.fromArray(SPECIES, src, at);
            FloatVector x1 = FloatVector.fromArray(SPECIES, src, at + L);
            FloatVector a = FloatVector.broadcast(SPECIES, w[w0 + i]);
            s00 = x0.fma(a, s00);
            s01 = x1.fma(a, s01);
            a = FloatVector.broadcast(SPECIES, w[w1 + i]);
            s10 = x0.fma(a, s10);
            s11 = x1.fma(a, s11);
            a = FloatVector.broadcast(SPECIES, w[w2 + i]);
            s20 = x0.fma(a, s20);
            s21 = x1.fma(a, s21);
            a = FloatVector.broadcast(SPECIES, w[w3 + i]);
            s30 = x0.fma(a, s30);
            s31 = x1.fma(a, s31);
            a = FloatVector.broadcast(SPECIES, w[w4 + i]);
            s40 = x0.fma(a, s40);
            s41 = x1.fma(a, s41);
            a = FloatVector.broadcast(SPECIES, w[w5 + i]);
            s50 = x0.fma(a, s50);
            s51 = x1.fma(a, s51);
            a = FloatVector.broadcast(SPECIES, w[w6 + i]);
            s60 = x0.fma(a, s60);
            s61 = x1.fma(a, s61);
            a = FloatVector.broadcast(SPECIES, w[w7 + i]);
            s70 = x0.fma(a, s70);
            s71 = x1.fma(a, s71);
        }
        store(s00, s01, dst[o], j);
        store(s10, s11, dst[o + 1], j);
        store(s20, s21, dst[o + 2], j);
        store(s30, s31, dst[o + 3], j);
        store(s40, s41, dst[o + 4], j);
        store(s50, s51, dst[o + 5], j);
        store(s60, s61, dst[o + 6], j);
        store(s70, s71, dst[o + 7], j);
    }

    private static void oneOutput(float[] src, int base, int[] off, int taps, float[] w, float[] bias, int o,
                                  float[] dst, int n) {
        FloatVector b = start(bias, o);
        for (int j = 0; j < n; j += TILE) {
            FloatVector s0 = b, s1 = b;
            for (int i = 0; i < taps; i++) {
                int at = base + off[i] + j;
                FloatVector a = FloatVector.broadcast(SPECIES, w[o * taps + i]);
                s0 = FloatVector.fromArray(SPECIES, src, at).fma(a, s0);
                s1 = FloatVector.fromArray(SPECIES, src, at + L).fma(a, s1);
            }
            store(s0, s1, dst, j);
        }
    }

    private static FloatVector start(float[] bias, int o) {
        return FloatVector.broadcast(SPECIES, bias == null ? 0f : bias[o]);
    }

    private static void store(FloatVector s0, FloatVector s1, float[] dst, int j) {
        s0.intoArray(dst, j);
        s1.intoArray(dst, j + L);
    }

    /**
     * dw[f][i] += sum over images s < images and pixels j < n of
     * g[gOff + s * gImage + f * gStride + j] * src[s * srcImage + off[i] + j] for every filter f and
     * tap i, and dw[f][taps] += the sum of those g (the bias gradient); n is a multiple of
     * {@link #TILE}. These are a convolution's weight gradients: every pixel where the output
     * gradient is g contributes g times the input the tap saw there.
     *
     * <p>Four filters by four taps are summed at a time, in sixteen vector registers; a last,
     * partial block of taps repeats its last tap and drops the extra sums. Each sum is then
     * folded across its lanes in a fixed order (see {@link #fold}), not with the Vector API's
     * reduction, whose order is left to the implementation: the same inputs must give the same
     * bits, whichever thread or compiler tier runs them.
     */
    static void correlate(float[] g, int gOff, int gStride, int gImage, int filters, float[] src, int srcImage,
                          int[] off, int taps, float[][] dw, int images, int n, float[] lanes) {
        int f = 0;
        for (; f + 3 < filters; f += 4) {
            for (int i = 0; i < taps; i += 4) {
                correlateTile(g, gOff, gStride, gImage, src, srcImage, off, taps, dw, images, n, lanes, f, i);
            }
        }
        for (; f < filters; f++) {
            for (int i = 0; i < taps; i++) {
                FloatVector sum = zero();
                for (int s = 0; s < images; s++) {
                    int gAt = gOff + s * gImage + f * gStride, srcAt = s * srcImage + off[i];
                    for (int j = 0; j < n; j += L) {
                        sum = FloatVector.fromArray(SPECIES, src, srcAt + j)
                                .fma(FloatVector.fromArray(SPECIES, g, gAt + j), sum);
                    }
                }
                dw[f][i] += fold(sum, lanes);
            }
        }
        for (f = 0; f < filters; f++) {
            // two sums, so that each add need not wait for the one before it
            FloatVector s0 = zero(), s1 = zero();
            for (int s = 0; s < images; s++) {
                int at = gOff + s * gImage + f * gStride;
                for (int j = 0; j < n; j += TILE) {
                    s0 = s0.add(FloatVector.fromArray(SPECIES, g, at + j));
                    s1 = s1.add(FloatVector.fromArray(SPECIES, g, at + j + L));
                }
            }
            dw[f][taps] += fold(s0.add(s1), lanes);
        }
    }

    /**
     * Filters f..f+3 by taps i..i+3 of {@link #correlate}. A method of its own: when the JIT
     * compiles a long loop over tiles while it runs (on-stack replacement), it may keep the
     * vectors as objects.
     */
    private static void correlateTile(float[] g, int gOff, int gStride, int gImage, float[] src, int srcImage,
                                      int[] off, int taps, float[][] dw, int images, int n, float[] lanes,
                                      int f, int i) {
        int g0 = gOff + f * gStride, g1 = g0 + gStride, g2 = g1 + gStride, g3 = g2 + gStride;
        int last = taps - 1;
        int o0 = off[i], o1 = off[Math.min(i + 1, last)], o2 = off[Math.min(i + 2, last)];
        int o3 = off[Math.min(i + 3, last)];
        FloatVector s00 = zero(), s01 = zero(), s02 = zero(), s03 = zero();
        FloatVector s10 = zero(), s11 = zero(), s12 = zero(), s13 = zero();
        FloatVector s20 = zero(), s21 = zero(), s22 = zero(), s23 = zero();
        FloatVector s30 = zero(), s31 = zero(), s32 = zero(), s33 = zero();
        for (int at = 0, end = images * srcImage, dAt = 0; at < end; at += srcImage, dAt += gImage) {
            for (int j = 0; j < n; j += L) {
                FloatVector x0 = FloatVector.fromArray(SPECIES, src, at + o0 + j);
                FloatVector x1 = FloatVector.fromArray(SPECIES, src, at + o1 + j);
                FloatVector x2 = FloatVector.fromArray(SPECIES, src, at + o2 + j);
                FloatVector x3 = FloatVector.fromArray(SPECIES, src, at + o3 + j);
                FloatVector d = FloatVector.fromArray(SPECIES, g, dAt + g0 + j);
                s00 = x0.fma(d, s00);
                s01 = x1.fma(d, s01);
                s02 = x2.fma(d, s02);
                s03 = x3.fma(d, s03);
                d = FloatVector.fromArray(SPECIES, g, dAt + g1 + j);
                s10 = x0.fma(d, s10);
                s11 = x1.fma(d, s11);
                s12 = x2.fma(d, s12);
                s13 = x3.fma(d, s13);
                d = FloatVector.fromArray(SPECIES, g, dAt + g2 + j);
                s20 = x0.fma(d, s20);
                s21 = x1.fma(d, s21);
                s22 = x2.fma(d, s22);
                s23 = x3.fma(d, s23);
                d = FloatVector.fromArray(SPECIES, g, dAt + g3 + j);
                s30 = x0.fma(d, s30);
                s31 = x1.fma(d, s31);
                s32 = x2.fma(d, s32);
                s33 = x3.fma(d, s33);
            }
        }
        int count = Math.min(4, taps - i);
        float[] d0 = dw[f], d1 = dw[f + 1], d2 = dw[f + 2], d3 = dw[f + 3];
        d0[i] += fold(s00, lanes);
        d1[i] += fold(s10, lanes);
        d2[i] += fold(s20, lanes);
        d3[i] += fold(s30, lanes);
        if (count > 1) {
            d0[i + 1] += fold(s01, lanes);
            d1[i + 1] += fold(s11, lanes);
            d2[i + 1] += fold(s21, lanes);
            d3[i + 1] += fold(s31, lanes);
        }
        if (count > 2) {
            d0[i + 2] += fold(s02, lanes);
            d1[i + 2] += fold(s12, lanes);
            d2[i + 2] += fold(s22, lanes);
            d3[i + 2] += fold(s32, lanes);
        }
        if (count > 3) {
            d0[i + 3] += fold(s03, lanes);
            d1[i + 3] += fold(s13, lanes);
            d2[i + 3] += fold(s23, lanes);
            d3[i + 3] += fold(s33, lanes);
        }
    }

    private static FloatVector zero() {
        return FloatVector.zero(SPECIES);
    }

    /**
     * The lanes of s added up as a tree, (l0 + l1) + (l2 + l3) and so on: always in the same
     * order, and four adds deep rather than sixteen, so that the folds of a tile's sixteen sums
     * can overlap instead of each waiting through a long chain of adds.
     */
    private static float fold(FloatVector s, float[] lanes) {
        s.intoArray(lanes, 0);
        if (L == 16) {
            float a = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
            float b = (lanes[4] + lanes[5]) + (lanes[6] + lanes[7]);
            float c = (lanes[8] + lanes[9]) + (lanes[10] + lanes[11]);
            float d = (lanes[12] + lanes[13]) + (lanes[14] + lanes[15]);
            return (a + b) + (c + d);
        }
        for (int width = L; width > 1; width /= 2) {
            for (int k = 0; k < width / 2; k++) {
                lanes[k] = lanes[2 * k] + lanes[2 * k + 1];
            }
        }
        return lanes[0];
    }

    /** Floats per vector on this machine: 16 with AVX-512, 8 with AVX2. */
    static int lanes() {
        return L;
    }
}
