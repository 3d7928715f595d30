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
 *
 * <p>The padded images of a whole batch are kept from forward to backward, and the weight
 * gradient runs over all of them at once, so that each of its sums is folded across vector lanes
 * once per batch rather than once per image.
 *
 * <p>What it computes is {@link Reference#conv2dForward} and {@link Reference#conv2dBackward}
 * for k = 3, stride 1, padding 1; ReferenceTest checks it against those loops.
 */
final class PaddedConv3x3 {
    private final int channels;
    private final int filters;
    private final int h;
    private final int w;
    private final int wp;    // padded row length, w + 2
    private final int plane; // floats per padded plane, with zeros after the image for the vector loops to overrun into
    private final int n;     // outputs computed per plane: h rows of wp, rounded up to a whole tile
    private final int[] inputTaps;    // offset of tap (c, ky, kx) in one image's padded planes
    private final int[] gradientTaps; // offset of tap (f, ky, kx) in one image's padded output gradient
    private float[] inputPadded = new float[0];    // [images][channels][plane]; zero outside the images, always
    private float[] gradientPadded = new float[0]; // [images][filters][plane]; zero outside the images
    private final float[][] outputPadded; // [max(filters, channels)][n]: one image's output or input gradient
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
        this.outputPadded = new float[Math.max(filters, channels)][n];
        this.lanes = new float[VectorKernels.lanes()];
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

    /** Distance between output rows in what {@link #forward} returns. */
    int rowStride() {
        return wp;
    }

    /** Where the gradient of output (0, 0) of image s, filter f sits in {@link #gradients}. */
    int gradientIndex(int s, int f) {
        return (s * filters + f) * plane + wp + 1;
    }

    /**
     * Convolves image s of x (images of channels x h x w, {@code images} of them): returns
     * rows [filters] in which output (y, x) sits at y * {@link #rowStride()} + x, valid until the
     * next call. The padded image is kept for {@link #backward}.
     */
    float[][] forward(float[] x, int s, int images, float[] weight, float[] bias) {
        if (s == 0) {
            inputPadded = grow(inputPadded, images * channels * plane);
        }
        pad(x, s * channels * h * w, channels, inputPadded, s * channels * plane);
        VectorKernels.convolve(inputPadded, s * channels * plane, inputTaps, channels * 9, weight, bias, filters,
                outputPadded, n);
        return outputPadded;
    }

    /** Copies rows from {@link #forward} into out[f][y * w + x]. */
    void unpad(float[][] rows, int planes, float[] out, int outOff) {
        for (int c = 0; c < planes; c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(rows[c], y * wp, out, outOff + (c * h + y) * w, w);
            }
        }
    }

    /**
     * The padded output gradients of {@code images} images, [images][filters][plane], cleared,
     * for the caller to write at {@link #gradientIndex} + y * w' + x with w' = {@link #rowStride()}.
     * (Clearing them whole is one fast fill, and brings them into the cache for those writes;
     * setting back only what was written last time was slower.)
     */
    float[] gradients(int images) {
        gradientPadded = grow(gradientPadded, images * filters * plane);
        java.util.Arrays.fill(gradientPadded, 0, images * filters * plane, 0f);
        return gradientPadded;
    }

    /** Copies dense output gradients [images][filters][h][w] into {@link #gradients}. */
    void padGradients(float[] g, int images) {
        pad(g, 0, images * filters, gradients(images), 0);
    }

    /**
     * Backward over {@code images} images, from the forward pass's padded inputs and the
     * gradients in {@link #gradients}: adds the weight and bias gradients to dWeight
     * ([filters][channels * 9 + 1]) and, if {@code flipped} (the weights turned by 180 degrees,
     * [channels][filters * 9]) is not null, writes the input gradients to dx[images][channels][h][w].
     */
    void backward(int images, float[][] dWeight, float[] flipped, float[] dx) {
        // the gradient of output j = y * wp + x sits at j + wp + 1 in its padded plane
        VectorKernels.correlate(gradientPadded, wp + 1, plane, filters * plane, filters, inputPadded,
                channels * plane, inputTaps, channels * 9, dWeight, images, n, lanes);
        if (flipped != null) {
            for (int s = 0; s < images; s++) {
                VectorKernels.convolve(gradientPadded, s * filters * plane, gradientTaps, filters * 9, flipped, null,
                        channels, outputPadded, n);
                unpad(outputPadded, channels, dx, s * channels * h * w);
            }
        }
    }

    /** Copies planes of h x w into the middle of padded planes; their borders stay 0. */
    private void pad(float[] src, int off, int planes, float[] dst, int dstOff) {
        for (int c = 0; c < planes; c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(src, off + (c * h + y) * w, dst, dstOff + c * plane + (y + 1) * wp + 1, w);
            }
        }
    }

    private static float[] grow(float[] a, int size) {
        return a.length >= size ? a : new float[size];
    }
}
