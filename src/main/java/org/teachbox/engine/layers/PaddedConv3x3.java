package org.teachbox.engine.layers;

import org.teachbox.engine.Parameter;
import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/**
 * A 3 x 3 convolution with stride 1 and padding 1, computed without im2col. Each image is
 * copied once into planes with a border of zeros, each (w + 2) wide; then output pixel (y, x)
 * sits at j = y * (w + 2) + x, and the input it needs under tap (ky, kx) sits at
 * j + ky * (w + 2) + kx in the padded plane, the same shift for every pixel. So every tap reads
 * one contiguous stretch of the plane, and {@link VectorKernels} sums straight from the planes.
 * The price is two wasted columns per row (j = w and w + 1), computed and thrown away.
 *
 * <p>It exists because im2col writes nine copies of every input and reads them back, and
 * transposes them for the weight gradient; {@code bench/engine-vs-torch.sh} measures the
 * difference (its {@code train_img_per_s}, with and without {@code -Dteachbox.engine.vector=false}).
 *
 * <p>Backward uses the same trick twice. The output gradient, padded the same way, gives the
 * weight gradient as sums over pixels of gradient times the input the tap saw; and the input
 * gradient is the forward convolution of that padded gradient with the kernel turned by 180
 * degrees and channels and filters swapped (see {@link FlippedKernel}).
 *
 * <p>The padded images of a whole batch are kept from forward to backward, and the weight
 * gradient runs over all of them at once, so that each of its sums is folded across vector lanes
 * once per batch rather than once per image.
 *
 * <p>What it computes is {@link Reference#conv2dForward} and {@link Reference#conv2dBackward}
 * for k = 3, stride 1, padding 1; ReferenceTest checks it against those loops.
 */
final class PaddedConv3x3 extends ConvKernel {
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
    private float[][] outputPadded; // [max(filters, channels)][n]: one image's output or input gradient; made on first use
    private final float[] lanes;

    static boolean applies(int k, int stride, int pad) {
        return k == 3 && stride == 1 && pad == 1 && VectorSupport.ENABLED;
    }

    PaddedConv3x3(Shape in, Shape out, Parameter weight, Parameter bias, FlippedKernel flippedKernel,
                  boolean inputGradient) {
        super(in, out, 3, 1, 1, weight, bias, flippedKernel, inputGradient);
        this.channels = in.c();
        this.filters = out.c();
        this.h = in.h();
        this.w = in.w();
        this.wp = w + 2;
        int tile = VectorKernels.TILE;
        this.n = (h * wp + tile - 1) / tile * tile;
        this.plane = (h + 2) * wp + 2 * tile;
        this.inputTaps = taps(channels);
        this.gradientTaps = taps(filters);
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

    @Override
    int rowStride() {
        return wp;
    }

    /** The two wasted columns of every row are the room. */
    @Override
    boolean rowsHaveSlack() {
        return true;
    }

    @Override
    int gradientIndex(int s, int f) {
        return (s * filters + f) * plane + wp + 1;
    }

    /** The padded image is kept for {@link #backward}. */
    @Override
    float[][] forward(Tensor x, int s) {
        if (s == 0) {
            inputPadded = grow(inputPadded, x.n * channels * plane);
        }
        if (outputPadded == null) {
            outputPadded = new float[Math.max(filters, channels)][n];
        }
        pad(x.data, s * channels * h * w, channels, inputPadded, s * channels * plane);
        VectorKernels.convolve(inputPadded, s * channels * plane, inputTaps, channels * 9, weight.data, bias.data,
                filters, outputPadded, n);
        return outputPadded;
    }

    /** Copies rows of padded planes into out[c][y * w + x]. */
    private void unpad(float[][] rows, int planes, float[] out, int outOff) {
        for (int c = 0; c < planes; c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(rows[c], y * wp, out, outOff + (c * h + y) * w, w);
            }
        }
    }

    /**
     * The padded output gradients, [images][filters][plane], cleared whole: one fast fill that
     * also brings them into the cache for the caller's writes.
     */
    @Override
    float[] gradients(int images) {
        gradientPadded = grow(gradientPadded, images * filters * plane);
        java.util.Arrays.fill(gradientPadded, 0, images * filters * plane, 0f);
        return gradientPadded;
    }

    @Override
    void takeGradients(float[] g, int images) {
        pad(g, 0, images * filters, gradients(images), 0);
    }

    /** From the forward pass's padded inputs and the padded gradients, all images at once. */
    @Override
    void backward(int images, float[][] dWeight, float[] dx) {
        // the gradient of output j = y * wp + x sits at j + wp + 1 in its padded plane
        VectorKernels.correlate(gradientPadded, wp + 1, plane, filters * plane, filters, inputPadded,
                channels * plane, inputTaps, channels * 9, dWeight, images, n, lanes);
        if (dx != null) {
            float[] flipped = flipped();
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

}
