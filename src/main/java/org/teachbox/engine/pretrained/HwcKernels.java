package org.teachbox.engine.pretrained;

/**
 * The plain loops of the pretrained network, on channels-last images: pixel (y, x), channel c
 * lives at {@code (y * width + x) * channels + c}, and kernels are stored as TensorFlow.js stores
 * them ({@code [ky][kx][in][out]} for a convolution, {@code [ky][kx][c]} for a depthwise one).
 * These are the loops to read to understand the maths, and the oracle the tests hold
 * {@link HwcVectorKernels} to. Every method computes output rows y0 (inclusive) to y1, so that
 * several threads can share one picture; bias may be null; results are clamped to [lo, hi]
 * (ReLU6 is [0, 6], no activation is [-inf, inf]).
 */
final class HwcKernels {
    private HwcKernels() {}

    /** A full convolution: every output channel sums over the window and all input channels. */
    static void conv(Geometry g, float[] in, float[] k, float[] bias, float lo, float hi, float[] out, int y0, int y1) {
        for (int oy = y0; oy < y1; oy++) {
            for (int ox = 0; ox < g.ow(); ox++) {
                for (int o = 0; o < g.oc(); o++) {
                    float sum = bias == null ? 0f : bias[o];
                    for (int ky = 0; ky < g.kh(); ky++) {
                        int iy = oy * g.stride() + ky - g.padTop();
                        if (iy < 0 || iy >= g.ih()) {
                            continue; // a zero-padding row
                        }
                        for (int kx = 0; kx < g.kw(); kx++) {
                            int ix = ox * g.stride() + kx - g.padLeft();
                            if (ix < 0 || ix >= g.iw()) {
                                continue;
                            }
                            for (int i = 0; i < g.ic(); i++) {
                                sum += in[(iy * g.iw() + ix) * g.ic() + i] * k[((ky * g.kw() + kx) * g.ic() + i) * g.oc() + o];
                            }
                        }
                    }
                    out[(oy * g.ow() + ox) * g.oc() + o] = Math.min(Math.max(sum, lo), hi);
                }
            }
        }
    }

    /** A depthwise convolution: channel c of the output looks only at channel c of the input. */
    static void depthwise(Geometry g, float[] in, float[] k, float[] bias, float lo, float hi, float[] out, int y0, int y1) {
        int c = g.ic();
        for (int oy = y0; oy < y1; oy++) {
            for (int ox = 0; ox < g.ow(); ox++) {
                for (int ch = 0; ch < c; ch++) {
                    float sum = bias == null ? 0f : bias[ch];
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
                            sum += in[(iy * g.iw() + ix) * c + ch] * k[(ky * g.kw() + kx) * c + ch];
                        }
                    }
                    out[(oy * g.ow() + ox) * c + ch] = Math.min(Math.max(sum, lo), hi);
                }
            }
        }
    }

    /**
     * A 1 x 1 convolution (also a Dense layer applied at every pixel): for pixels p0..p1, out[p] =
     * clamp(bias + in[p] . k) + residual[p], a matrix product of pixels x ic by ic x oc. The
     * residual (or null) is MobileNetV2's skip connection, added after the sum.
     */
    static void pointwise(float[] in, int ic, float[] k, float[] bias, float lo, float hi, float[] residual,
                          float[] out, int oc, int p0, int p1) {
        for (int p = p0; p < p1; p++) {
            for (int o = 0; o < oc; o++) {
                float sum = bias == null ? 0f : bias[o];
                for (int i = 0; i < ic; i++) {
                    sum += in[p * ic + i] * k[i * oc + o];
                }
                float v = Math.min(Math.max(sum, lo), hi);
                out[p * oc + o] = residual == null ? v : v + residual[p * oc + o];
            }
        }
    }
}
