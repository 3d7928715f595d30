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
            for (int i = 0; i < inputs; i++) {
                int row = i * units;
                for (int j = 0; j < units; j++) {
                    transposed[j][i] = kernel.data[row + j];
                }
            }
            transposedVersion = version;
        }
        return transposed;
    }
}
