package org.teachbox.engine.layers;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.teachbox.engine.Parameter;
import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/**
 * A fully connected layer: out[j] = bias[j] + sum over i of in[i] * kernel[i][j]. The kernel is
 * stored inputs x units, as in Keras, so a batch is one matrix product in[n x inputs] * kernel.
 * It takes any input shape and reads it as a flat vector (so it also works without Flatten).
 * With the Vector API the products run on {@link DenseKernels}, else on {@link Gemm}; both are
 * tested against the plain loops {@link Reference#denseForward} and {@link Reference#denseBackward}.
 */
public final class Dense implements Layer {
    private final Shape in;
    private final Shape out;
    private final int inputs;
    private final int units;
    private final Parameter kernel; // [inputs][units]
    private final Parameter bias;   // [units]
    private final PackedKernel packed; // row copies of the kernel for Gemm, shared with replicas
    // scratch matrices for Gemm (see there for why rows)
    private float[][] outRows;     // [n][units]
    private float[][] gradInRows;  // [n][inputs]
    private float[][] inRows;      // (batches only) the input as rows [n][inputs]
    private float[][] gradKernelT; // (batches only) the kernel gradient transposed [units][inputs]
    private Tensor input;
    private Tensor output;
    private Tensor gradIn;
    private final boolean vector; // uses DenseKernels (Vector API present)
    private float[] gradT;        // (vector) one vector's worth of samples' gradients, transposed
    private float[][] lanes;      // (vector) one vector per chunk of DenseKernels
    private Parallel parallel = Parallel.SERIAL;
    private boolean inputGradient = true;

    public Dense(Shape in, int units) {
        this(in, units, VectorSupport.ENABLED);
    }

    /** The same layer computed with {@link Gemm} only, to compare against. */
    static Dense withGemm(Shape in, int units) {
        return new Dense(in, units, false);
    }

    private Dense(Shape in, int units, boolean vector) {
        this(in, units, new Parameter("kernel", in.size() * units, true), new Parameter("bias", units, false),
                new PackedKernel(in.size(), units), vector);
    }

    private Dense(Shape in, int units, Parameter kernel, Parameter bias, PackedKernel packed, boolean vector) {
        this.vector = vector;
        this.packed = packed;
        this.in = in;
        this.out = new Shape(units, 1, 1);
        this.inputs = in.size();
        this.units = units;
        this.kernel = kernel;
        this.bias = bias;
    }

    /**
     * Lets this layer split its matrix products over {@code parallel} (with the Vector API only).
     * The trainer does this for the dense head it runs once per batch, which would otherwise run
     * on one thread while the others wait. The results are the same either way.
     */
    public void runOn(Parallel parallel) {
        this.parallel = parallel;
    }

    public void initialize(Init init, SplittableRandom random) {
        init.fill(kernel.data, inputs, units, random);
        Arrays.fill(bias.data, 0f);
        kernel.changed();
    }

    @Override public String name() { return "dense"; }

    @Override public Shape inputShape() { return in; }

    @Override public Shape outputShape() { return out; }

    @Override public List<Parameter> parameters() { return List.of(kernel, bias); }

    @Override public Layer replica() {
        Dense copy = new Dense(in, units, kernel.replica(), bias.replica(), packed, vector);
        copy.inputGradient = inputGradient;
        return copy;
    }

    /**
     * For a dense layer with no learning layer before it (the head on a backbone's embeddings,
     * or the first layer of an MLP): nobody uses the gradient of its input, which would cost as
     * much as its kernel gradient, so {@link #backward} skips it and returns null.
     */
    public void skipInputGradient() {
        inputGradient = false;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        int n = x.n;
        input = x;
        output = Tensor.reuse(output, n, units, 1, 1);
        if (vector) {
            DenseKernels.forward(x.data, n, inputs, kernel.data, bias.data, units, output.data, parallel);
            return output;
        }
        float[][] kernelRows = packed.rows(kernel);
        outRows = Gemm.rows(outRows, n, units);
        for (int s = 0; s < n; s++) {
            System.arraycopy(bias.data, 0, outRows[s], 0, units);
        }
        // out[n x units] += in[n x inputs] * kernel[inputs x units]
        Gemm.mulAdd(n, units, inputs, x.data, 0, inputs, 1, kernelRows, outRows);
        for (int s = 0; s < n; s++) {
            System.arraycopy(outRows[s], 0, output.data, s * units, units);
        }
        return output;
    }

    /** Batches at least this large take {@link #kernelGradientTransposed}... */
    private static final int TRANSPOSED_FROM = 8;
    /** ...if rows of the kernel are shorter than this (too short for the loop below to vectorise). */
    private static final int TRANSPOSED_BELOW = 128;

    /**
     * The kernel gradient for a batch (the trainer runs RefCNN's head on whole batches): as the
     * matrix product dKernel^T[units x inputs] = dOut^T[units x n] * in[n x inputs], whose rows
     * are as long as the input (4096), so {@link Gemm} runs at full speed, and then added into
     * the flat gradient transposed. A loop over the kernel's own rows of 64 units does not
     * vectorise and makes four read-write passes over the megabyte of gradient. The sum for each
     * entry runs over the samples in order, as Reference's does.
     */
    private void kernelGradientTransposed(int n, float[] g, float[] x) {
        inRows = Gemm.rows(inRows, n, inputs);
        for (int s = 0; s < n; s++) {
            System.arraycopy(x, s * inputs, inRows[s], 0, inputs);
        }
        gradKernelT = Gemm.rows(gradKernelT, units, inputs);
        Gemm.zero(gradKernelT, units, inputs);
        // C[j][i] += sum over s of A(j, s) * in[s][i], with A(j, s) = dOut[s][j]
        Gemm.mulAdd(units, inputs, n, g, 0, 1, units, inRows, gradKernelT);
        float[] kg = kernel.grad;
        // in blocks of 16 inputs: the 16 x units block of the flat gradient stays in the cache
        for (int i0 = 0; i0 < inputs; i0 += 16) {
            int i1 = Math.min(inputs, i0 + 16);
            for (int j = 0; j < units; j++) {
                float[] t = gradKernelT[j];
                for (int i = i0; i < i1; i++) {
                    kg[i * units + j] += t[i];
                }
            }
        }
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        int n = gradOut.n;
        float[] g = gradOut.data, x = input.data;
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < units; j++) {
                bias.grad[j] += g[s * units + j];
            }
        }
        if (vector) {
            DenseKernels.kernelGradient(x, g, n, inputs, units, kernel.grad, parallel);
            if (!inputGradient) {
                return null;
            }
            gradIn = Tensor.reuse(gradIn, n, in.c(), in.h(), in.w());
            if (gradT == null) {
                gradT = new float[units * DenseKernels.lanes()];
                lanes = new float[DenseKernels.CHUNKS][DenseKernels.lanes()];
            }
            DenseKernels.inputGradient(g, n, kernel.data, inputs, units, gradIn.data, gradT, lanes, parallel);
            return gradIn;
        }
        int s = 0;
        if (n >= TRANSPOSED_FROM && units < TRANSPOSED_BELOW) {
            kernelGradientTransposed(n, g, x);
            s = n;
        }
        // dKernel[i][j] += sum over s of in[s][i] * dOut[s][j], added straight into the flat
        // gradient, four samples per pass so each entry is loaded and stored a quarter as often
        for (; s + 3 < n; s += 4) {
            int g0 = s * units, g1 = g0 + units, g2 = g1 + units, g3 = g2 + units;
            for (int i = 0; i < inputs; i++) {
                float x0 = x[s * inputs + i], x1 = x[(s + 1) * inputs + i];
                float x2 = x[(s + 2) * inputs + i], x3 = x[(s + 3) * inputs + i];
                int row = i * units;
                for (int j = 0; j < units; j++) {
                    kernel.grad[row + j] = Math.fma(x3, g[g3 + j], Math.fma(x2, g[g2 + j],
                            Math.fma(x1, g[g1 + j], Math.fma(x0, g[g0 + j], kernel.grad[row + j]))));
                }
            }
        }
        for (; s + 1 < n; s += 2) {
            int g0 = s * units, g1 = g0 + units;
            for (int i = 0; i < inputs; i++) {
                float x0 = x[s * inputs + i], x1 = x[(s + 1) * inputs + i];
                int row = i * units;
                for (int j = 0; j < units; j++) {
                    kernel.grad[row + j] = Math.fma(x1, g[g1 + j], Math.fma(x0, g[g0 + j], kernel.grad[row + j]));
                }
            }
        }
        for (; s < n; s++) {
            for (int i = 0; i < inputs; i++) {
                float x0 = x[s * inputs + i];
                int row = i * units;
                for (int j = 0; j < units; j++) {
                    kernel.grad[row + j] = Math.fma(x0, g[s * units + j], kernel.grad[row + j]);
                }
            }
        }
        if (!inputGradient) {
            return null;
        }
        // dIn[n x inputs] = dOut[n x units] * kernel^T[units x inputs]
        float[][] columns = packed.transposed(kernel);
        gradInRows = Gemm.rows(gradInRows, n, inputs);
        Gemm.zero(gradInRows, n, inputs);
        Gemm.mulAdd(n, inputs, units, g, 0, units, 1, columns, gradInRows);
        gradIn = Tensor.reuse(gradIn, n, in.c(), in.h(), in.w());
        for (s = 0; s < n; s++) {
            System.arraycopy(gradInRows[s], 0, gradIn.data, s * inputs, inputs);
        }
        return gradIn;
    }
}
