package org.teachbox.engine.pretrained;

import org.teachbox.engine.layers.VectorSupport;

/**
 * A convolution with everything that can be folded into it at load time: the preceding
 * ZeroPadding2D (as padTop/padLeft of its {@link Geometry}), the following BatchNormalization
 * (scaled kernel and a bias), the following ReLU/ReLU6 (a clamp to [lo, hi]) and, for a 1 x 1
 * convolution, a following Add (the residual, the op's second input). Three shapes of it:
 * a full convolution (MobileNetV2's first layer), a depthwise one, and a pointwise (1 x 1) one,
 * which is also how a Dense layer runs. Runs {@link HwcVectorKernels} when the Vector API is
 * present, else the plain loops of {@link HwcKernels}.
 */
final class ConvOp extends Op {
    enum Shape { FULL, DEPTHWISE, POINTWISE }

    final Shape shape;
    Geometry g;
    /** TF.js layout: [kh][kw][in][out], [kh][kw][c] for depthwise, [in][out] for pointwise. */
    final float[] kernel;
    float[] bias;
    float lo = Float.NEGATIVE_INFINITY;
    float hi = Float.POSITIVE_INFINITY;
    boolean residual;
    boolean normalized;

    ConvOp(String layer, String kind, Shape shape, int input, Geometry g, float[] kernel, float[] bias) {
        super(layer, kind, new int[] {input}, g.oh(), g.ow(), g.oc());
        this.shape = shape;
        this.g = g;
        this.kernel = kernel;
        this.bias = bias;
    }

    boolean clamped() {
        return lo != Float.NEGATIVE_INFINITY || hi != Float.POSITIVE_INFINITY;
    }

    /** Folds an inference batch normalization y = (x - mean) * scale + beta, scale = gamma / sqrt(var + eps). */
    void foldBatchNorm(float[] scale, float[] beta, float[] mean) {
        int oc = g.oc();
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] *= scale[i % oc]; // the output channel is the last axis of every layout
        }
        float[] b = new float[oc];
        for (int o = 0; o < oc; o++) {
            b[o] = ((bias == null ? 0f : bias[o]) - mean[o]) * scale[o] + beta[o];
        }
        bias = b;
        normalized = true;
    }

    @Override
    void run(float[][] in, float[] out, int y0, int y1) {
        boolean fast = VectorSupport.enabled();
        switch (shape) {
            case FULL -> {
                if (fast) HwcVectorKernels.conv(g, in[0], kernel, bias, lo, hi, out, y0, y1);
                else HwcKernels.conv(g, in[0], kernel, bias, lo, hi, out, y0, y1);
            }
            case DEPTHWISE -> {
                if (fast) HwcVectorKernels.depthwise(g, in[0], kernel, bias, lo, hi, out, y0, y1);
                else HwcKernels.depthwise(g, in[0], kernel, bias, lo, hi, out, y0, y1);
            }
            case POINTWISE -> {
                float[] res = residual ? in[1] : null;
                if (fast) HwcVectorKernels.pointwise(in[0], g.ic(), kernel, bias, lo, hi, res, out, g.oc(), y0 * w, y1 * w);
                else HwcKernels.pointwise(in[0], g.ic(), kernel, bias, lo, hi, res, out, g.oc(), y0 * w, y1 * w);
            }
        }
    }
}
