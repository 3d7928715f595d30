package org.teachbox.engine.layers;

import org.teachbox.engine.Parameter;

/**
 * Row copies of a Dense kernel in the two layouts {@link Gemm} needs: [inputs][units] for the
 * forward pass and [units][inputs] for the input gradient. Building them costs as much as a
 * forward pass of one image, so they are rebuilt only when the kernel's version changes (once per
 * optimizer step), and shared by all replicas of the layer.
 */
final class PackedKernel {
    private final int inputs;
    private final int units;
    private float[][] rows;
    private float[][] transposed;
    private int rowsVersion = -1;
    private int transposedVersion = -1;

    PackedKernel(int inputs, int units) {
        this.inputs = inputs;
        this.units = units;
    }

    synchronized float[][] rows(Parameter kernel) {
        int version = kernel.version();
        if (rowsVersion != version) {
            if (rows == null) {
                rows = new float[inputs][units];
            }
            for (int i = 0; i < inputs; i++) {
                System.arraycopy(kernel.data, i * units, rows[i], 0, units);
            }
            rowsVersion = version;
        }
        return rows;
    }

    synchronized float[][] transposed(Parameter kernel) {
        int version = kernel.version();
        if (transposedVersion != version) {
            if (transposed == null) {
                transposed = new float[units][inputs];
            }
            // in blocks of 16 inputs, so each destination row gets 16 floats in a row (a cache
            // line) per visit instead of one, while the 16 source rows stay in the L1 cache
            for (int i0 = 0; i0 < inputs; i0 += 16) {
                int i1 = Math.min(inputs, i0 + 16);
                for (int j = 0; j < units; j++) {
                    float[] t = transposed[j];
                    for (int i = i0; i < i1; i++) {
                        t[i] = kernel.data[i * units + j];
                    }
                }
            }
            transposedVersion = version;
        }
        return transposed;
    }
}
