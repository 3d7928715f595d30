package org.teachbox.engine.layers;

import org.teachbox.engine.Parameter;

/**
 * A convolution's weights turned by 180 degrees with channels and filters swapped,
 * flipped[c][f][ky][kx] = weight[f][c][k - 1 - ky][k - 1 - kx]: the kernel of its input
 * gradient (see {@link Conv2D}). Like {@link PackedKernel}, it is rebuilt only when the weights'
 * version changes (once per optimizer step) and shared by all replicas of the layer, instead
 * of every replica rebuilding it for every batch part.
 */
final class FlippedKernel {
    private final int filters;
    private final int channels;
    private final int k;
    private float[] flipped;
    private int version = -1;

    FlippedKernel(int filters, int channels, int k) {
        this.filters = filters;
        this.channels = channels;
        this.k = k;
    }

    synchronized float[] of(Parameter weight) {
        int current = weight.version();
        if (current != version) {
            int fkk = filters * k * k;
            if (flipped == null) {
                flipped = new float[channels * fkk];
            }
            for (int f = 0; f < filters; f++) {
                for (int c = 0; c < channels; c++) {
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            flipped[c * fkk + (f * k + (k - 1 - ky)) * k + (k - 1 - kx)] =
                                    weight.data[((f * channels + c) * k + ky) * k + kx];
                        }
                    }
                }
            }
            version = current;
        }
        return flipped;
    }
}
