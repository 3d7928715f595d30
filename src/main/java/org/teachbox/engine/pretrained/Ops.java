package org.teachbox.engine.pretrained;

/**
 * The small steps of a {@link Network}, each a few lines: the input, zero padding, clamps (ReLU),
 * per-channel scale and shift (a batch normalization that could not be folded), sums of images
 * (Add), copies (Dropout at inference, Flatten, which changes nothing in channels-last order),
 * global average pooling and the output activations. The heavy step is {@link ConvOp}.
 */
final class Ops {
    private Ops() {}

    /** The network's input; {@link Network} copies the picture into its buffer. */
    static final class Input extends Op {
        Input(String layer, int h, int w, int c) {
            super(layer, "InputLayer", new int[0], h, w, c);
        }

        @Override void run(float[][] in, float[] out, int y0, int y1) {}
    }

    /** ZeroPadding2D: the input placed at (top, left) in a larger zero image. */
    static final class Pad extends Op {
        final int top;
        final int left;
        final int ih;
        final int iw;

        Pad(String layer, int input, int ih, int iw, int c, int top, int bottom, int left, int right) {
            super(layer, "ZeroPadding2D", new int[] {input}, ih + top + bottom, iw + left + right, c);
            this.top = top;
            this.left = left;
            this.ih = ih;
            this.iw = iw;
        }

        @Override void run(float[][] in, float[] out, int y0, int y1) {
            java.util.Arrays.fill(out, y0 * w * c, y1 * w * c, 0f);
            for (int y = Math.max(y0, top); y < y1 && y - top < ih; y++) {
                System.arraycopy(in[0], (y - top) * iw * c, out, (y * w + left) * c, iw * c);
            }
        }
    }

    /** ReLU with Keras' max_value (Infinity when there is none): min(max(x, 0), max). */
    static final class Clamp extends Op {
        final float lo;
        final float hi;

        Clamp(String layer, int input, int h, int w, int c, float lo, float hi) {
            super(layer, "ReLU", new int[] {input}, h, w, c);
            this.lo = lo;
            this.hi = hi;
        }

        @Override void run(float[][] in, float[] out, int y0, int y1) {
            for (int i = y0 * w * c; i < y1 * w * c; i++) {
                out[i] = Math.min(Math.max(in[0][i], lo), hi);
            }
        }
    }

    /** A batch normalization at inference that follows no convolution: x * scale[c] + shift[c]. */
    static final class Affine extends Op {
        final float[] scale;
        final float[] shift;

        Affine(String layer, int input, int h, int w, int c, float[] scale, float[] shift) {
            super(layer, "BatchNormalization", new int[] {input}, h, w, c);
            this.scale = scale;
            this.shift = shift;
        }

        @Override void run(float[][] in, float[] out, int y0, int y1) {
            for (int p = y0 * w; p < y1 * w; p++) {
                for (int ch = 0; ch < c; ch++) {
                    out[p * c + ch] = in[0][p * c + ch] * scale[ch] + shift[ch];
                }
            }
        }
    }

    /** Add: the element-wise sum of two or more images of the same shape. */
    static final class Sum extends Op {
        Sum(String layer, int[] inputs, int h, int w, int c) {
            super(layer, "Add", inputs, h, w, c);
        }

        @Override void run(float[][] in, float[] out, int y0, int y1) {
            for (int i = y0 * w * c; i < y1 * w * c; i++) {
                float s = in[0][i];
                for (int k = 1; k < in.length; k++) {
                    s += in[k][i];
                }
                out[i] = s;
            }
        }
    }

    /** Dropout (nothing at inference) and Flatten (nothing in channels-last order): a copy. */
    static final class Copy extends Op {
        Copy(String layer, String kind, int input, int h, int w, int c) {
            super(layer, kind, new int[] {input}, h, w, c);
        }

        @Override void run(float[][] in, float[] out, int y0, int y1) {
            System.arraycopy(in[0], y0 * w * c, out, y0 * w * c, (y1 - y0) * w * c);
        }
    }

    /** GlobalAveragePooling2D: each channel's mean over all pixels; the output is 1 x 1 x c. */
    static final class GlobalAveragePool extends Op {
        final int pixels;

        GlobalAveragePool(String layer, int input, int ih, int iw, int c) {
            super(layer, "GlobalAveragePooling2D", new int[] {input}, 1, 1, c);
            this.pixels = ih * iw;
        }

        @Override void run(float[][] in, float[] out, int y0, int y1) {
            if (y0 >= y1) {
                return;
            }
            java.util.Arrays.fill(out, 0, c, 0f);
            for (int p = 0; p < pixels; p++) {
                for (int ch = 0; ch < c; ch++) {
                    out[ch] += in[0][p * c + ch];
                }
            }
            for (int ch = 0; ch < c; ch++) {
                out[ch] /= pixels;
            }
        }
    }

    /** The activations that are not a clamp. */
    enum Function { SOFTMAX, SIGMOID, TANH }

    /** A Dense or Activation layer's softmax, sigmoid or tanh, over the channels of every pixel. */
    static final class Activation extends Op {
        final Function function;

        Activation(String layer, Function function, int input, int h, int w, int c) {
            super(layer, function.name().toLowerCase(java.util.Locale.ROOT), new int[] {input}, h, w, c);
            this.function = function;
        }

        @Override void run(float[][] in, float[] out, int y0, int y1) {
            float[] x = in[0];
            for (int p = y0 * w; p < y1 * w; p++) {
                int from = p * c;
                int to = from + c;
                switch (function) {
                    case SIGMOID -> {
                        for (int i = from; i < to; i++) {
                            out[i] = (float) (1 / (1 + Math.exp(-x[i])));
                        }
                    }
                    case TANH -> {
                        for (int i = from; i < to; i++) {
                            out[i] = (float) Math.tanh(x[i]);
                        }
                    }
                    case SOFTMAX -> {
                        float max = Float.NEGATIVE_INFINITY; // subtracted so that exp cannot overflow
                        for (int i = from; i < to; i++) {
                            max = Math.max(max, x[i]);
                        }
                        double sum = 0;
                        for (int i = from; i < to; i++) {
                            out[i] = (float) Math.exp(x[i] - max);
                            sum += out[i];
                        }
                        for (int i = from; i < to; i++) {
                            out[i] = (float) (out[i] / sum);
                        }
                    }
                }
            }
        }
    }
}
