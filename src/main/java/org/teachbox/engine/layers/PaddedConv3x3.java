package org.teachbox.engine.layers;

/**
 * A 3 x 3 convolution with stride 1 and padding 1, computed without im2col. Each image is
 * copied once into planes with a border of zeros, each (w + 2) wide; then output pixel (y, x)
 * sits at j = y * (w + 2) + x, and the input it needs under tap (ky, kx) sits at
 * j + ky * (w + 2) + kx in the padded plane, the same shift for every pixel. So every tap reads
 * one contiguous stretch of the plane, and {@link VectorKernels} sums straight from the planes.
 * The price is two wasted columns per row (j = w and w + 1), computed and thrown away.
 *
 * <p>im2col wrote nine copies of every input and read them back; that copying, and transposing
 * those copies for the weight gradient, took a third of all training time.
 *
 * <p>Backward uses the same trick twice. The output gradient, padded the same way, gives the
 * weight gradient as sums over pixels of gradient times the input the tap saw; and the input
 * gradient is the forward convolution of that padded gradient with the kernel turned by 180
 * degrees and channels and filters swapped (see {@link Conv2D}).
 */
final class PaddedConv3x3 {
    private final int channels;
    private final int filters;
    private final int h;
    private final int w;
    private final int wp;    // padded row length, w + 2
    private final int plane; // floats per padded plane, with zeros after the image for the vector loops to overrun into
    private final int n;     // outputs computed per plane: h rows of wp, rounded up to a whole tile
    private final int[] inputTaps;    // offset of tap (c, ky, kx) in the padded input
    private final int[] gradientTaps; // offset of tap (f, ky, kx) in the padded output gradient
    private final float[] inputPadded;    // [channels][plane]; zero outside the image, always
    private final float[] gradientPadded; // [filters][plane]; zero outside the image, always
    private final float[][] outputPadded; // [max(filters, channels)][n]: forward output or input gradient
    private final float[] lanes;

    static boolean applies(int k, int stride, int pad) {
        return k == 3 && stride == 1 && pad == 1 && VectorSupport.ENABLED;
    }

    PaddedConv3x3(int channels, int filters, int h, int w) {
        this.channels = channels;
        this.filters = filters;
        this.h = h;
        this.w = w;
        this.wp = w + 2;
        int tile = VectorKernels.TILE;
        this.n = (h * wp + tile - 1) / tile * tile;
        this.plane = (h + 2) * wp + 2 * tile;
        this.inputTaps = taps(channels);
        this.gradientTaps = taps(filters);
        this.inputPadded = new float[channels * plane];
        this.gradientPadded = new float[filters * plane];
        this.outputPadded = new float[Math.max(filters, channels)][n];
        this.lanes = new float[Math.max(32, VectorKernels.lanes())];
    }

    private int[] taps(int planes) {
        int[] off = new int[planes * 9];
        for (int c = 0; c < planes; c++) {
            for (int ky = 0; ky < 3; ky++) {
                for (int kx = 0; kx < 3; kx++) {
                    off[(c * 3 + ky) * 3 + kx] = c * plane + ky * wp + kx;
                }
            }
        }
        return off;
    }

    /** out[f][y * w + x] for one image at x[xOff]: bias[f] + the sum over its taps. */
    void forward(float[] x, int xOff, float[] weight, float[] bias, float[][] out) {
        pad(x, xOff, channels, inputPadded);
        VectorKernels.convolve(inputPadded, inputTaps, channels * 9, weight, bias, filters, outputPadded, n);
        unpad(filters, out);
    }

    /**
     * For one image at x[xOff] with output gradient g[gOff]: adds its weight and bias gradients
     * to dWeight ([filters][channels * 9 + 1]) and, if {@code flipped} is not null, writes its
     * input gradient to dx[dxOff]. {@code flipped} holds the weights turned by 180 degrees,
     * [channels][filters * 9].
     */
    void backward(float[] x, int xOff, float[] g, int gOff, float[][] dWeight, float[] flipped, float[] dx, int dxOff) {
        pad(x, xOff, channels, inputPadded);
        pad(g, gOff, filters, gradientPadded);
        // the gradient of output j = y * wp + x sits at j + wp + 1 in its padded plane
        VectorKernels.correlate(gradientPadded, wp + 1, plane, filters, inputPadded, inputTaps, channels * 9,
                dWeight, n, lanes);
        if (flipped != null) {
            VectorKernels.convolve(gradientPadded, gradientTaps, filters * 9, flipped, null, channels,
                    outputPadded, n);
            for (int c = 0; c < channels; c++) {
                float[] row = outputPadded[c];
                for (int y = 0; y < h; y++) {
                    System.arraycopy(row, y * wp, dx, dxOff + (c * h + y) * w, w);
                }
            }
        }
    }

    /** Copies planes of h x w into the middle of padded planes; their borders stay 0. */
    private void pad(float[] src, int off, int planes, float[] dst) {
        for (int c = 0; c < planes; c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(src, off + (c * h + y) * w, dst, c * plane + (y + 1) * wp + 1, w);
            }
        }
    }

    private void unpad(int planes, float[][] out) {
        for (int c = 0; c < planes; c++) {
            float[] row = outputPadded[c];
            for (int y = 0; y < h; y++) {
                System.arraycopy(row, y * wp, out[c], y * w, w);
            }
        }
    }
}
