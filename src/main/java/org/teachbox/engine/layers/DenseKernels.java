package org.teachbox.engine.layers;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Dense}'s three matrix products with the Vector API, reading the kernel where it lies,
 * [inputs][units], flat. RefCNN's head is a 4096 x 64 kernel: rows of 64 units, too short for
 * {@link Gemm}'s loops to get going, which would need a copy of the kernel laid out both ways and
 * a transposed gradient, rebuilt every step, on one thread while the others wait.
 * Units past the last whole vector are summed one at a time. (Masked vectors would do, but
 * with sixteen sums in flight they stop the JIT from compiling the vector operations to
 * instructions, and every vector becomes an object.)
 *
 * <p>Every sum adds its terms in the order {@link Gemm} would (bias or 0 first, then inputs,
 * units or samples in order, one fma each), so both give the same bits.
 *
 * <p>Only loaded when the {@code jdk.incubator.vector} module is present; see {@link VectorSupport}.
 * ReferenceTest checks it against the plain loops {@link Reference#denseForward} and
 * {@link Reference#denseBackward}.
 */
final class DenseKernels {
    private DenseKernels() {}

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();

    /** Pieces the kernel gradient and input gradient are cut into for {@link Parallel}. */
    static final int CHUNKS = 8;

    /**
     * out[s][u] = bias[u] + sum over i of x[s][i] * kernel[i][u], for s < n. Four samples by four
     * vectors of units are summed at a time in sixteen registers, so each pass over the kernel
     * serves four samples. Units past the last whole vector are summed one by one.
     */
    static void forward(float[] x, int n, int inputs, float[] kernel, float[] bias, int units, float[] out,
                        Parallel parallel) {
        int whole = units / L * L;
        int unitBlocks = (whole + 4 * L - 1) / (4 * L), sampleBlocks = (n + 3) / 4;
        parallel.run(unitBlocks * sampleBlocks, t -> forwardTile(x, n, inputs, kernel, bias, units, out, whole,
                t / sampleBlocks * 4 * L, t % sampleBlocks * 4));
        forwardRest(x, n, inputs, kernel, bias, units, out, whole);
    }

    /**
     * Samples s..s+3 by units u..u+4L of {@link #forward}. Each tile is a method of its own: when
     * the JIT compiled a long-running loop over tiles while it was running (on-stack
     * replacement), it kept the vectors as objects, and the whole forward pass ran forty times
     * slower.
     */
    private static void forwardTile(float[] x, int n, int inputs, float[] kernel, float[] bias, int units,
                                    float[] out, int whole, int u, int s) {
        // vectors 1-3 of a block past the last whole vector read vector 0 again, and are not stored
        int u1 = Math.min(u + L, whole - L), u2 = Math.min(u + 2 * L, whole - L), u3 = Math.min(u + 3 * L, whole - L);
        FloatVector b0 = FloatVector.fromArray(SPECIES, bias, u), b1 = FloatVector.fromArray(SPECIES, bias, u1);
        FloatVector b2 = FloatVector.fromArray(SPECIES, bias, u2), b3 = FloatVector.fromArray(SPECIES, bias, u3);
        // a last group of fewer than four samples repeats its last one and drops the extra sums
        int x0 = s * inputs, x1 = Math.min(s + 1, n - 1) * inputs;
        int x2 = Math.min(s + 2, n - 1) * inputs, x3 = Math.min(s + 3, n - 1) * inputs;
        FloatVector a00 = b0, a01 = b1, a02 = b2, a03 = b3, a10 = b0, a11 = b1, a12 = b2, a13 = b3;
        FloatVector a20 = b0, a21 = b1, a22 = b2, a23 = b3, a30 = b0, a31 = b1, a32 = b2, a33 = b3;
        for (int i = 0; i < inputs; i++) {
            int row = i * units;
            FloatVector k0 = FloatVector.fromArray(SPECIES, kernel, row + u);
            FloatVector k1 = FloatVector.fromArray(SPECIES, kernel, row + u1);
            FloatVector k2 = FloatVector.fromArray(SPECIES, kernel, row + u2);
            FloatVector k3 = FloatVector.fromArray(SPECIES, kernel, row + u3);
            FloatVector v = FloatVector.broadcast(SPECIES, x[x0 + i]);
            a00 = k0.fma(v, a00);
            a01 = k1.fma(v, a01);
            a02 = k2.fma(v, a02);
            a03 = k3.fma(v, a03);
            v = FloatVector.broadcast(SPECIES, x[x1 + i]);
            a10 = k0.fma(v, a10);
            a11 = k1.fma(v, a11);
            a12 = k2.fma(v, a12);
            a13 = k3.fma(v, a13);
            v = FloatVector.broadcast(SPECIES, x[x2 + i]);
            a20 = k0.fma(v, a20);
            a21 = k1.fma(v, a21);
            a22 = k2.fma(v, a22);
            a23 = k3.fma(v, a23);
            v = FloatVector.broadcast(SPECIES, x[x3 + i]);
            a30 = k0.fma(v, a30);
            a31 = k1.fma(v, a31);
            a32 = k2.fma(v, a32);
            a33 = k3.fma(v, a33);
        }
        int count = Math.min(4, (whole - u) / L);
        store(a00, a01, a02, a03, count, out, s * units + u);
        if (s + 1 < n) {
            store(a10, a11, a12, a13, count, out, (s + 1) * units + u);
        }
        if (s + 2 < n) {
            store(a20, a21, a22, a23, count, out, (s + 2) * units + u);
        }
        if (s + 3 < n) {
            store(a30, a31, a32, a33, count, out, (s + 3) * units + u);
        }
    }

    /** forward's sums for the units from {@code from} on, one at a time. */
    private static void forwardRest(float[] x, int n, int inputs, float[] kernel, float[] bias, int units,
                                    float[] out, int from) {
        for (int u = from; u < units; u++) {
            for (int s = 0; s < n; s++) {
                float a = bias[u];
                for (int i = 0; i < inputs; i++) {
                    a = Math.fma(x[s * inputs + i], kernel[i * units + u], a);
                }
                out[s * units + u] = a;
            }
        }
    }

    /** The first {@code count} of four vectors, to consecutive places from {@code at}. */
    private static void store(FloatVector a0, FloatVector a1, FloatVector a2, FloatVector a3, int count,
                              float[] out, int at) {
        a0.intoArray(out, at);
        if (count > 1) {
            a1.intoArray(out, at + L);
        }
        if (count > 2) {
            a2.intoArray(out, at + 2 * L);
        }
        if (count > 3) {
            a3.intoArray(out, at + 3 * L);
        }
    }

    /**
     * grad[i][u] += (sum over s < n of x[s][i] * g[s][u]): the sum over the batch is formed
     * first and then added. Four inputs by four vectors of units at a time, so the megabyte of
     * RefCNN's gradient is read and written once, four rows at a time.
     */
    static void kernelGradient(float[] x, float[] g, int n, int inputs, int units, float[] grad, Parallel parallel) {
        int whole = units / L * L;
        int blocks = (inputs + 3) / 4;
        parallel.run(CHUNKS, chunk -> {
            for (int b = chunk * blocks / CHUNKS, end = (chunk + 1) * blocks / CHUNKS; b < end; b++) {
                for (int u = 0; u < whole; u += 4 * L) {
                    kernelGradientTile(x, g, n, inputs, units, grad, whole, 4 * b, u);
                }
            }
        });
        kernelGradientRest(x, g, n, inputs, units, grad, whole);
    }

    /** Inputs i..i+3 by units u..u+4L of {@link #kernelGradient}; a method of its own, see {@link #forwardTile}. */
    private static void kernelGradientTile(float[] x, float[] g, int n, int inputs, int units, float[] grad,
                                           int whole, int i, int u) {
        // a last group of fewer than four inputs repeats its last one and drops the extra sums
        int i1 = Math.min(i + 1, inputs - 1), i2 = Math.min(i + 2, inputs - 1), i3 = Math.min(i + 3, inputs - 1);
        int u1 = Math.min(u + L, whole - L), u2 = Math.min(u + 2 * L, whole - L), u3 = Math.min(u + 3 * L, whole - L);
        FloatVector a00 = FloatVector.zero(SPECIES), a01 = a00, a02 = a00, a03 = a00;
        FloatVector a10 = a00, a11 = a00, a12 = a00, a13 = a00, a20 = a00, a21 = a00, a22 = a00, a23 = a00;
        FloatVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
        for (int s = 0; s < n; s++) {
            int row = s * units;
            FloatVector d0 = FloatVector.fromArray(SPECIES, g, row + u);
            FloatVector d1 = FloatVector.fromArray(SPECIES, g, row + u1);
            FloatVector d2 = FloatVector.fromArray(SPECIES, g, row + u2);
            FloatVector d3 = FloatVector.fromArray(SPECIES, g, row + u3);
            int xs = s * inputs;
            FloatVector v = FloatVector.broadcast(SPECIES, x[xs + i]);
            a00 = d0.fma(v, a00);
            a01 = d1.fma(v, a01);
            a02 = d2.fma(v, a02);
            a03 = d3.fma(v, a03);
            v = FloatVector.broadcast(SPECIES, x[xs + i1]);
            a10 = d0.fma(v, a10);
            a11 = d1.fma(v, a11);
            a12 = d2.fma(v, a12);
            a13 = d3.fma(v, a13);
            v = FloatVector.broadcast(SPECIES, x[xs + i2]);
            a20 = d0.fma(v, a20);
            a21 = d1.fma(v, a21);
            a22 = d2.fma(v, a22);
            a23 = d3.fma(v, a23);
            v = FloatVector.broadcast(SPECIES, x[xs + i3]);
            a30 = d0.fma(v, a30);
            a31 = d1.fma(v, a31);
            a32 = d2.fma(v, a32);
            a33 = d3.fma(v, a33);
        }
        int count = Math.min(4, (whole - u) / L);
        int at = i * units + u;
        addInto(a00, a01, a02, a03, count, grad, at);
        if (i + 1 < inputs) {
            addInto(a10, a11, a12, a13, count, grad, at + units);
        }
        if (i + 2 < inputs) {
            addInto(a20, a21, a22, a23, count, grad, at + 2 * units);
        }
        if (i + 3 < inputs) {
            addInto(a30, a31, a32, a33, count, grad, at + 3 * units);
        }
    }

    /** kernelGradient's sums for the units from {@code from} on, one at a time. */
    private static void kernelGradientRest(float[] x, float[] g, int n, int inputs, int units, float[] grad,
                                           int from) {
        for (int u = from; u < units; u++) {
            for (int i = 0; i < inputs; i++) {
                float a = 0;
                for (int s = 0; s < n; s++) {
                    a = Math.fma(g[s * units + u], x[s * inputs + i], a);
                }
                grad[i * units + u] += a;
            }
        }
    }

    /** grad[at + k * L ...] += the first {@code count} of four vectors. */
    private static void addInto(FloatVector a0, FloatVector a1, FloatVector a2, FloatVector a3, int count,
                                float[] grad, int at) {
        addInto(a0, grad, at);
        if (count > 1) {
            addInto(a1, grad, at + L);
        }
        if (count > 2) {
            addInto(a2, grad, at + 2 * L);
        }
        if (count > 3) {
            addInto(a3, grad, at + 3 * L);
        }
    }

    private static void addInto(FloatVector a, float[] grad, int at) {
        FloatVector.fromArray(SPECIES, grad, at).add(a).intoArray(grad, at);
    }

    /**
     * dx[s][i] = sum over u of g[s][u] * kernel[i][u]. Vectorised over the samples, one vector
     * of them at a time: {@code gT} (room for units x L floats) receives their gradients
     * transposed, and every kernel entry, broadcast, then multiplies the gradients of all of
     * them. Four inputs go together, so each transposed row serves four sums.
     */
    static void inputGradient(float[] g, int n, float[] kernel, int inputs, int units, float[] dx, float[] gT,
                              float[][] lanes, Parallel parallel) {
        int blocks = inputs / 4;
        for (int s0 = 0; s0 < n; s0 += L) {
            int first = s0, count = Math.min(L, n - s0);
            java.util.Arrays.fill(gT, 0, units * L, 0f);
            for (int s = 0; s < count; s++) {
                for (int u = 0; u < units; u++) {
                    gT[u * L + s] = g[(s0 + s) * units + u];
                }
            }
            parallel.run(CHUNKS, chunk -> {
                for (int b = chunk * blocks / CHUNKS, end = (chunk + 1) * blocks / CHUNKS; b < end; b++) {
                    inputGradientTile(n, kernel, inputs, units, dx, gT, lanes[chunk], first, count, 4 * b);
                }
            });
            for (int i = blocks * 4; i < inputs; i++) {
                FloatVector a = FloatVector.zero(SPECIES);
                for (int u = 0; u < units; u++) {
                    a = FloatVector.fromArray(SPECIES, gT, u * L).fma(FloatVector.broadcast(SPECIES, kernel[i * units + u]), a);
                }
                spread(a, dx, s0, count, inputs, i, lanes[0]);
            }
        }
    }

    /** Inputs i..i+3 of {@link #inputGradient}; a method of its own, see {@link #forwardTile}. */
    private static void inputGradientTile(int n, float[] kernel, int inputs, int units, float[] dx, float[] gT,
                                          float[] lanes, int s0, int count, int i) {
        int k0 = i * units, k1 = k0 + units, k2 = k1 + units, k3 = k2 + units;
        FloatVector a0 = FloatVector.zero(SPECIES), a1 = a0, a2 = a0, a3 = a0;
        for (int u = 0; u < units; u++) {
            FloatVector d = FloatVector.fromArray(SPECIES, gT, u * L);
            a0 = d.fma(FloatVector.broadcast(SPECIES, kernel[k0 + u]), a0);
            a1 = d.fma(FloatVector.broadcast(SPECIES, kernel[k1 + u]), a1);
            a2 = d.fma(FloatVector.broadcast(SPECIES, kernel[k2 + u]), a2);
            a3 = d.fma(FloatVector.broadcast(SPECIES, kernel[k3 + u]), a3);
        }
        spread(a0, dx, s0, count, inputs, i, lanes);
        spread(a1, dx, s0, count, inputs, i + 1, lanes);
        spread(a2, dx, s0, count, inputs, i + 2, lanes);
        spread(a3, dx, s0, count, inputs, i + 3, lanes);
    }

    /** dx[s0 + s][i] = lane s of a, for s < count. */
    private static void spread(FloatVector a, float[] dx, int s0, int count, int inputs, int i, float[] lanes) {
        a.intoArray(lanes, 0);
        for (int s = 0; s < count; s++) {
            dx[(s0 + s) * inputs + i] = lanes[s];
        }
    }

    /** Floats per vector on this machine. */
    static int lanes() {
        return L;
    }
}
