package org.teachbox.engine.pretrained;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fast versions of {@link HwcKernels}, written with Java's Vector API. Channels-last order is
 * what makes them simple: the channels of one pixel sit side by side, so one vector holds the same
 * pixel in L channels, a depthwise tap is one multiply-add of a pixel vector by a weight vector,
 * and a 1 x 1 convolution is a matrix product whose rows (pixels) broadcast against rows of the
 * kernel. The sums run in the same order as the plain loops but with fused multiply-adds, so the
 * two differ only by rounding. Channel counts that are not a multiple of L finish with scalar
 * code.
 *
 * <p>Only loaded when the {@code jdk.incubator.vector} module is present (see VectorSupport).
 * Hot loops are unrolled by hand and keep their weights in local variables, which the JIT keeps
 * in registers; that costs some repetition, on purpose.
 */
final class HwcVectorKernels {
    private HwcVectorKernels() {}

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();

    // ---------------------------------------------------------------- full convolution

    /**
     * As {@link HwcKernels#conv}. Inside the image (no padding under the window), four
     * neighbouring output pixels by two vectors of output channels are summed at once, eight
     * independent sums, so that the multiply-adds do not wait for each other; the border and any
     * channels left over take the checked loop.
     */
    static void conv(Geometry g, float[] in, float[] k, float[] bias, float lo, float hi, float[] out, int y0, int y1) {
        int s = g.stride();
        int xa = Math.min(g.ow(), (g.padLeft() + s - 1) / s);
        int xb = Math.max(xa, Math.min(g.ow(), Math.floorDiv(g.iw() - g.kw() + g.padLeft(), s) + 1));
        int pairs = g.oc() / (2 * L) * (2 * L);
        int taps = g.kh() * g.kw() * g.ic();
        int[] offsets = new int[taps]; // where tap (ky, kx, i) reads, from the window's first value
        for (int ky = 0, t = 0; ky < g.kh(); ky++) {
            for (int kx = 0; kx < g.kw(); kx++) {
                for (int i = 0; i < g.ic(); i++) {
                    offsets[t++] = (ky * g.iw() + kx) * g.ic() + i;
                }
            }
        }
        for (int oy = y0; oy < y1; oy++) {
            int iy = oy * s - g.padTop();
            if (iy < 0 || iy + g.kh() > g.ih() || pairs == 0) {
                convChecked(g, in, k, bias, lo, hi, out, oy, 0, g.ow(), 0);
                continue;
            }
            convChecked(g, in, k, bias, lo, hi, out, oy, 0, xa, 0);
            int ox = xa;
            for (; ox + 3 < xb; ox += 4) {
                for (int o = 0; o < pairs; o += 2 * L) {
                    convFourByTwo(g, in, k, bias, lo, hi, out, oy, ox, o, offsets);
                }
            }
            convChecked(g, in, k, bias, lo, hi, out, oy, ox, g.ow(), 0);
            if (pairs < g.oc()) {
                convChecked(g, in, k, bias, lo, hi, out, oy, xa, ox, pairs);
            }
        }
    }

    private static void convFourByTwo(Geometry g, float[] in, float[] k, float[] bias, float lo, float hi,
                                      float[] out, int oy, int ox, int o, int[] offsets) {
        int oc = g.oc(), s = g.stride();
        FloatVector b0 = start(bias, o), b1 = start(bias, o + L);
        FloatVector s00 = b0, s01 = b1, s10 = b0, s11 = b1, s20 = b0, s21 = b1, s30 = b0, s31 = b1;
        int src = ((oy * s - g.padTop()) * g.iw() + ox * s - g.padLeft()) * g.ic();
        int step = s * g.ic(); // from one output pixel's window to the next one's
        for (int t = 0; t < offsets.length; t++) {
            int at = src + offsets[t];
            FloatVector k0 = FloatVector.fromArray(SPECIES, k, t * oc + o);
            FloatVector k1 = FloatVector.fromArray(SPECIES, k, t * oc + o + L);
            FloatVector a = FloatVector.broadcast(SPECIES, in[at]);
            s00 = k0.fma(a, s00);
            s01 = k1.fma(a, s01);
            a = FloatVector.broadcast(SPECIES, in[at + step]);
            s10 = k0.fma(a, s10);
            s11 = k1.fma(a, s11);
            a = FloatVector.broadcast(SPECIES, in[at + 2 * step]);
            s20 = k0.fma(a, s20);
            s21 = k1.fma(a, s21);
            a = FloatVector.broadcast(SPECIES, in[at + 3 * step]);
            s30 = k0.fma(a, s30);
            s31 = k1.fma(a, s31);
        }
        int d = (oy * g.ow() + ox) * oc + o;
        finish(s00, lo, hi, null, out, d);
        finish(s01, lo, hi, null, out, d + L);
        finish(s10, lo, hi, null, out, d + oc);
        finish(s11, lo, hi, null, out, d + oc + L);
        finish(s20, lo, hi, null, out, d + 2 * oc);
        finish(s21, lo, hi, null, out, d + 2 * oc + L);
        finish(s30, lo, hi, null, out, d + 3 * oc);
        finish(s31, lo, hi, null, out, d + 3 * oc + L);
    }

    /** Output pixels x0..x1 of row oy, channels from o0 on, skipping taps on the zero padding. */
    private static void convChecked(Geometry g, float[] in, float[] k, float[] bias, float lo, float hi,
                                    float[] out, int oy, int x0, int x1, int o0) {
        int oc = g.oc();
        int ic = g.ic();
        int vEnd = o0 + SPECIES.loopBound(oc - o0);
        for (int ox = x0; ox < x1; ox++) {
            int dst = (oy * g.ow() + ox) * oc;
            for (int o = o0; o < vEnd; o += L) {
                FloatVector sum = start(bias, o);
                for (int ky = 0; ky < g.kh(); ky++) {
                    int iy = oy * g.stride() + ky - g.padTop();
                    if (iy < 0 || iy >= g.ih()) {
                        continue;
                    }
                    for (int kx = 0; kx < g.kw(); kx++) {
                        int ix = ox * g.stride() + kx - g.padLeft();
                        if (ix < 0 || ix >= g.iw()) {
                            continue;
                        }
                        int src = (iy * g.iw() + ix) * ic;
                        int tap = (ky * g.kw() + kx) * ic * oc + o;
                        for (int i = 0; i < ic; i++) {
                            sum = FloatVector.fromArray(SPECIES, k, tap + i * oc)
                                    .fma(FloatVector.broadcast(SPECIES, in[src + i]), sum);
                        }
                    }
                }
                sum.max(lo).min(hi).intoArray(out, dst + o);
            }
            for (int o = vEnd; o < oc; o++) {
                out[dst + o] = convScalar(g, in, k, bias, lo, hi, oy, ox, o);
            }
        }
    }

    private static float convScalar(Geometry g, float[] in, float[] k, float[] bias, float lo, float hi,
                                    int oy, int ox, int o) {
        float sum = bias == null ? 0f : bias[o];
        for (int ky = 0; ky < g.kh(); ky++) {
            int iy = oy * g.stride() + ky - g.padTop();
            for (int kx = 0; kx < g.kw() && iy >= 0 && iy < g.ih(); kx++) {
                int ix = ox * g.stride() + kx - g.padLeft();
                if (ix < 0 || ix >= g.iw()) {
                    continue;
                }
                for (int i = 0; i < g.ic(); i++) {
                    sum = Math.fma(in[(iy * g.iw() + ix) * g.ic() + i], k[((ky * g.kw() + kx) * g.ic() + i) * g.oc() + o], sum);
                }
            }
        }
        return Math.min(Math.max(sum, lo), hi);
    }

    // ---------------------------------------------------------------- depthwise

    /**
     * As {@link HwcKernels#depthwise}. For a 3 x 3 window, the pixels whose window lies wholly
     * inside the image take an unrolled loop that holds the nine weight vectors in registers for
     * a whole row; the border pixels (and other window sizes) take the checked loop.
     */
    static void depthwise(Geometry g, float[] in, float[] k, float[] bias, float lo, float hi, float[] out, int y0, int y1) {
        int s = g.stride();
        boolean three = g.kh() == 3 && g.kw() == 3;
        // output columns whose window is inside the image: ox*s - padLeft >= 0 and ox*s - padLeft + 2 < iw
        int xa = three ? Math.min(g.ow(), (g.padLeft() + s - 1) / s) : g.ow();
        int xb = three ? Math.max(xa, Math.min(g.ow(), Math.floorDiv(g.iw() - 3 + g.padLeft(), s) + 1)) : g.ow();
        for (int oy = y0; oy < y1; oy++) {
            int iy = oy * s - g.padTop();
            if (!three || iy < 0 || iy + 2 >= g.ih()) {
                depthwiseChecked(g, in, k, bias, lo, hi, out, oy, 0, g.ow());
                continue;
            }
            depthwiseChecked(g, in, k, bias, lo, hi, out, oy, 0, xa);
            depthwise3x3Row(g, in, k, bias, lo, hi, out, oy, xa, xb);
            depthwiseChecked(g, in, k, bias, lo, hi, out, oy, xb, g.ow());
        }
    }

    private static void depthwise3x3Row(Geometry g, float[] in, float[] k, float[] bias, float lo, float hi,
                                        float[] out, int oy, int xa, int xb) {
        int c = g.ic();
        int s = g.stride();
        int row = g.iw() * c;
        int vEnd = SPECIES.loopBound(c);
        int iy = oy * s - g.padTop();
        for (int ch = 0; ch < vEnd; ch += L) {
            FloatVector w0 = FloatVector.fromArray(SPECIES, k, ch);
            FloatVector w1 = FloatVector.fromArray(SPECIES, k, c + ch);
            FloatVector w2 = FloatVector.fromArray(SPECIES, k, 2 * c + ch);
            FloatVector w3 = FloatVector.fromArray(SPECIES, k, 3 * c + ch);
            FloatVector w4 = FloatVector.fromArray(SPECIES, k, 4 * c + ch);
            FloatVector w5 = FloatVector.fromArray(SPECIES, k, 5 * c + ch);
            FloatVector w6 = FloatVector.fromArray(SPECIES, k, 6 * c + ch);
            FloatVector w7 = FloatVector.fromArray(SPECIES, k, 7 * c + ch);
            FloatVector w8 = FloatVector.fromArray(SPECIES, k, 8 * c + ch);
            FloatVector b = bias == null ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, bias, ch);
            int ox = xa;
            int step = s * c; // from one output pixel's window to the next one's
            for (; ox + 1 < xb; ox += 2) { // two pixels: two independent chains of multiply-adds
                int at = (iy * g.iw() + ox * s - g.padLeft()) * c + ch;
                int bt = at + step;
                FloatVector sa = FloatVector.fromArray(SPECIES, in, at).fma(w0, b);
                FloatVector sb = FloatVector.fromArray(SPECIES, in, bt).fma(w0, b);
                sa = FloatVector.fromArray(SPECIES, in, at + c).fma(w1, sa);
                sb = FloatVector.fromArray(SPECIES, in, bt + c).fma(w1, sb);
                sa = FloatVector.fromArray(SPECIES, in, at + 2 * c).fma(w2, sa);
                sb = FloatVector.fromArray(SPECIES, in, bt + 2 * c).fma(w2, sb);
                at += row;
                bt += row;
                sa = FloatVector.fromArray(SPECIES, in, at).fma(w3, sa);
                sb = FloatVector.fromArray(SPECIES, in, bt).fma(w3, sb);
                sa = FloatVector.fromArray(SPECIES, in, at + c).fma(w4, sa);
                sb = FloatVector.fromArray(SPECIES, in, bt + c).fma(w4, sb);
                sa = FloatVector.fromArray(SPECIES, in, at + 2 * c).fma(w5, sa);
                sb = FloatVector.fromArray(SPECIES, in, bt + 2 * c).fma(w5, sb);
                at += row;
                bt += row;
                sa = FloatVector.fromArray(SPECIES, in, at).fma(w6, sa);
                sb = FloatVector.fromArray(SPECIES, in, bt).fma(w6, sb);
                sa = FloatVector.fromArray(SPECIES, in, at + c).fma(w7, sa);
                sb = FloatVector.fromArray(SPECIES, in, bt + c).fma(w7, sb);
                sa = FloatVector.fromArray(SPECIES, in, at + 2 * c).fma(w8, sa);
                sb = FloatVector.fromArray(SPECIES, in, bt + 2 * c).fma(w8, sb);
                int d = (oy * g.ow() + ox) * c + ch;
                sa.max(lo).min(hi).intoArray(out, d);
                sb.max(lo).min(hi).intoArray(out, d + c);
            }
            for (; ox < xb; ox++) {
                int at = (iy * g.iw() + ox * s - g.padLeft()) * c + ch;
                FloatVector sum = FloatVector.fromArray(SPECIES, in, at).fma(w0, b);
                sum = FloatVector.fromArray(SPECIES, in, at + c).fma(w1, sum);
                sum = FloatVector.fromArray(SPECIES, in, at + 2 * c).fma(w2, sum);
                at += row;
                sum = FloatVector.fromArray(SPECIES, in, at).fma(w3, sum);
                sum = FloatVector.fromArray(SPECIES, in, at + c).fma(w4, sum);
                sum = FloatVector.fromArray(SPECIES, in, at + 2 * c).fma(w5, sum);
                at += row;
                sum = FloatVector.fromArray(SPECIES, in, at).fma(w6, sum);
                sum = FloatVector.fromArray(SPECIES, in, at + c).fma(w7, sum);
                sum = FloatVector.fromArray(SPECIES, in, at + 2 * c).fma(w8, sum);
                sum.max(lo).min(hi).intoArray(out, (oy * g.ow() + ox) * c + ch);
            }
        }
        for (int ch = vEnd; ch < c; ch++) {
            for (int ox = xa; ox < xb; ox++) {
                out[(oy * g.ow() + ox) * c + ch] = depthwiseScalar(g, in, k, bias, lo, hi, oy, ox, ch);
            }
        }
    }

    /** Output pixels x0..x1 of row oy, skipping taps that fall on the zero padding. */
    private static void depthwiseChecked(Geometry g, float[] in, float[] k, float[] bias, float lo, float hi,
                                         float[] out, int oy, int x0, int x1) {
        int c = g.ic();
        int vEnd = SPECIES.loopBound(c);
        for (int ox = x0; ox < x1; ox++) {
            int dst = (oy * g.ow() + ox) * c;
            for (int ch = 0; ch < vEnd; ch += L) {
                FloatVector sum = bias == null ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, bias, ch);
                for (int ky = 0; ky < g.kh(); ky++) {
                    int iy = oy * g.stride() + ky - g.padTop();
                    if (iy < 0 || iy >= g.ih()) {
                        continue;
                    }
                    for (int kx = 0; kx < g.kw(); kx++) {
                        int ix = ox * g.stride() + kx - g.padLeft();
                        if (ix < 0 || ix >= g.iw()) {
                            continue;
                        }
                        sum = FloatVector.fromArray(SPECIES, in, (iy * g.iw() + ix) * c + ch)
                                .fma(FloatVector.fromArray(SPECIES, k, (ky * g.kw() + kx) * c + ch), sum);
                    }
                }
                sum.max(lo).min(hi).intoArray(out, dst + ch);
            }
            for (int ch = vEnd; ch < c; ch++) {
                out[dst + ch] = depthwiseScalar(g, in, k, bias, lo, hi, oy, ox, ch);
            }
        }
    }

    private static float depthwiseScalar(Geometry g, float[] in, float[] k, float[] bias, float lo, float hi,
                                         int oy, int ox, int ch) {
        int c = g.ic();
        float sum = bias == null ? 0f : bias[ch];
        for (int ky = 0; ky < g.kh(); ky++) {
            int iy = oy * g.stride() + ky - g.padTop();
            for (int kx = 0; kx < g.kw() && iy >= 0 && iy < g.ih(); kx++) {
                int ix = ox * g.stride() + kx - g.padLeft();
                if (ix >= 0 && ix < g.iw()) {
                    sum = Math.fma(in[(iy * g.iw() + ix) * c + ch], k[(ky * g.kw() + kx) * c + ch], sum);
                }
            }
        }
        return Math.min(Math.max(sum, lo), hi);
    }

    // ---------------------------------------------------------------- pointwise (matrix product)

    /** Pixels per block: a block's inputs stay in cache while every group of outputs passes over them. */
    private static final int BLOCK = 64;

    /**
     * As {@link HwcKernels#pointwise}. Tiles of four pixels by three vectors of output channels
     * keep twelve sums in registers: each kernel row loaded feeds four pixels, and each input
     * value broadcast feeds three vectors (two or one vector for the last channels). Within a
     * block of pixels the loop over output channels is outside the loop over tiles, so the slice
     * of kernel a tile reads stays in the L1 cache for the whole block: for MobileNetV2's last
     * layer (112 x 1280 weights) it would otherwise be read from memory for every tile.
     */
    static void pointwise(float[] in, int ic, float[] k, float[] bias, float lo, float hi, float[] res,
                          float[] out, int oc, int p0, int p1) {
        int vEnd = SPECIES.loopBound(oc);
        for (int b0 = p0; b0 < p1; b0 += BLOCK) {
            int b1 = Math.min(p1, b0 + BLOCK);
            int tiled = b0 + (b1 - b0) / 4 * 4;
            int o = 0;
            for (; o + 3 * L <= vEnd; o += 3 * L) {
                for (int p = b0; p < tiled; p += 4) {
                    fourByThree(in, ic, k, bias, lo, hi, res, out, oc, p, o);
                }
            }
            if (o + 2 * L <= vEnd) {
                for (int p = b0; p < tiled; p += 4) {
                    fourByTwo(in, ic, k, bias, lo, hi, res, out, oc, p, o);
                }
                o += 2 * L;
            } else if (o + L <= vEnd) {
                for (int p = b0; p < tiled; p += 4) {
                    fourByOne(in, ic, k, bias, lo, hi, res, out, oc, p, o);
                }
                o += L;
            }
            for (int p = b0; p < tiled; p++) {
                scalarTail(in, ic, k, bias, lo, hi, res, out, oc, p, vEnd);
            }
            for (int p = tiled; p < b1; p++) {
                for (int v = 0; v < vEnd; v += L) {
                    oneByOne(in, ic, k, bias, lo, hi, res, out, oc, p, v);
                }
                scalarTail(in, ic, k, bias, lo, hi, res, out, oc, p, vEnd);
            }
        }
    }

    private static void fourByTwo(float[] in, int ic, float[] k, float[] bias, float lo, float hi, float[] res,
                                  float[] out, int oc, int p, int o) {
        FloatVector b0 = start(bias, o), b1 = start(bias, o + L);
        FloatVector s00 = b0, s01 = b1, s10 = b0, s11 = b1, s20 = b0, s21 = b1, s30 = b0, s31 = b1;
        int x0 = p * ic, x1 = x0 + ic, x2 = x1 + ic, x3 = x2 + ic;
        for (int i = 0; i < ic; i++) {
            int kr = i * oc + o;
            FloatVector k0 = FloatVector.fromArray(SPECIES, k, kr);
            FloatVector k1 = FloatVector.fromArray(SPECIES, k, kr + L);
            FloatVector a = FloatVector.broadcast(SPECIES, in[x0 + i]);
            s00 = k0.fma(a, s00);
            s01 = k1.fma(a, s01);
            a = FloatVector.broadcast(SPECIES, in[x1 + i]);
            s10 = k0.fma(a, s10);
            s11 = k1.fma(a, s11);
            a = FloatVector.broadcast(SPECIES, in[x2 + i]);
            s20 = k0.fma(a, s20);
            s21 = k1.fma(a, s21);
            a = FloatVector.broadcast(SPECIES, in[x3 + i]);
            s30 = k0.fma(a, s30);
            s31 = k1.fma(a, s31);
        }
        int d = p * oc + o;
        finish(s00, lo, hi, res, out, d);
        finish(s01, lo, hi, res, out, d + L);
        finish(s10, lo, hi, res, out, d + oc);
        finish(s11, lo, hi, res, out, d + oc + L);
        finish(s20, lo, hi, res, out, d + 2 * oc);
        finish(s21, lo, hi, res, out, d + 2 * oc + L);
        finish(s30, lo, hi, res, out, d + 3 * oc);
        finish(s31, lo, hi, res, out, d + 3 * oc + L);
    }

    private static void fourByOne(float[] in, int ic, float[] k, float[] bias, float lo, float hi, float[] res,
                                  float[] out, int oc, int p, int o) {
        FloatVector s0 = start(bias, o), s1 = s0, s2 = s0, s3 = s0;
        int x0 = p * ic, x1 = x0 + ic, x2 = x1 + ic, x3 = x2 + ic;
        for (int i = 0; i < ic; i++) {
            FloatVector k0 = FloatVector.fromArray(SPECIES, k, i * oc + o);
            s0 = k0.fma(FloatVector.broadcast(SPECIES, in[x0 + i]), s0);
            s1 = k0.fma(FloatVector.broadcast(SPECIES, in[x1 + i]), s1);
            s2 = k0.fma(FloatVector.broadcast(SPECIES, in[x2 + i]), s2);
            s3 = k0.fma(FloatVector.broadcast(SPECIES, in[x3 + i]), s3);
        }
        int d = p * oc + o;
        finish(s0, lo, hi, res, out, d);
        finish(s1, lo, hi, res, out, d + oc);
        finish(s2, lo, hi, res, out, d + 2 * oc);
        finish(s3, lo, hi, res, out, d + 3 * oc);
    }

    private static void fourByThree(float[] in, int ic, float[] k, float[] bias, float lo, float hi, float[] res,
                                    float[] out, int oc, int p, int o) {
        FloatVector b0 = start(bias, o), b1 = start(bias, o + L), b2 = start(bias, o + 2 * L);
        FloatVector s00 = b0, s01 = b1, s02 = b2, s10 = b0, s11 = b1, s12 = b2;
        FloatVector s20 = b0, s21 = b1, s22 = b2, s30 = b0, s31 = b1, s32 = b2;
        int x0 = p * ic, x1 = x0 + ic, x2 = x1 + ic, x3 = x2 + ic;
        for (int i = 0; i < ic; i++) {
            int kr = i * oc + o;
            FloatVector k0 = FloatVector.fromArray(SPECIES, k, kr);
            FloatVector k1 = FloatVector.fromArray(SPECIES, k, kr + L);
            FloatVector k2 = FloatVector.fromArray(SPECIES, k, kr + 2 * L);
            FloatVector a = FloatVector.broadcast(SPECIES, in[x0 + i]);
            s00 = k0.fma(a, s00);
            s01 = k1.fma(a, s01);
            s02 = k2.fma(a, s02);
            a = FloatVector.broadcast(SPECIES, in[x1 + i]);
            s10 = k0.fma(a, s10);
            s11 = k1.fma(a, s11);
            s12 = k2.fma(a, s12);
            a = FloatVector.broadcast(SPECIES, in[x2 + i]);
            s20 = k0.fma(a, s20);
            s21 = k1.fma(a, s21);
            s22 = k2.fma(a, s22);
            a = FloatVector.broadcast(SPECIES, in[x3 + i]);
            s30 = k0.fma(a, s30);
            s31 = k1.fma(a, s31);
            s32 = k2.fma(a, s32);
        }
        int d = p * oc + o;
        finish(s00, lo, hi, res, out, d);
        finish(s01, lo, hi, res, out, d + L);
        finish(s02, lo, hi, res, out, d + 2 * L);
        d += oc;
        finish(s10, lo, hi, res, out, d);
        finish(s11, lo, hi, res, out, d + L);
        finish(s12, lo, hi, res, out, d + 2 * L);
        d += oc;
        finish(s20, lo, hi, res, out, d);
        finish(s21, lo, hi, res, out, d + L);
        finish(s22, lo, hi, res, out, d + 2 * L);
        d += oc;
        finish(s30, lo, hi, res, out, d);
        finish(s31, lo, hi, res, out, d + L);
        finish(s32, lo, hi, res, out, d + 2 * L);
    }

    private static void oneByOne(float[] in, int ic, float[] k, float[] bias, float lo, float hi, float[] res,
                                 float[] out, int oc, int p, int o) {
        FloatVector sum = start(bias, o);
        int x = p * ic;
        for (int i = 0; i < ic; i++) {
            sum = FloatVector.fromArray(SPECIES, k, i * oc + o).fma(FloatVector.broadcast(SPECIES, in[x + i]), sum);
        }
        finish(sum, lo, hi, res, out, p * oc + o);
    }

    private static void scalarTail(float[] in, int ic, float[] k, float[] bias, float lo, float hi, float[] res,
                                   float[] out, int oc, int p, int from) {
        for (int o = from; o < oc; o++) {
            float sum = bias == null ? 0f : bias[o];
            for (int i = 0; i < ic; i++) {
                sum = Math.fma(in[p * ic + i], k[i * oc + o], sum);
            }
            float v = Math.min(Math.max(sum, lo), hi);
            out[p * oc + o] = res == null ? v : v + res[p * oc + o];
        }
    }

    private static FloatVector start(float[] bias, int o) {
        return bias == null ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, bias, o);
    }

    private static void finish(FloatVector sum, float lo, float hi, float[] res, float[] out, int at) {
        FloatVector v = sum.max(lo).min(hi);
        if (res != null) {
            v = v.add(FloatVector.fromArray(SPECIES, res, at));
        }
        v.intoArray(out, at);
    }
}
