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
 */
public final class Dense implements Layer {
    private final Shape in;
    private final Shape out;
    private final int inputs;
    private final int units;
    private final Parameter kernel; // [inputs][units]
    private final Parameter bias;   // [units]
    private float[] inT = new float[0];
    private Tensor input;
    private Tensor output;
    private Tensor gradIn;

    public Dense(Shape in, int units) {
        this(in, units, new Parameter("kernel", in.size() * units, true), new Parameter("bias", units, false));
    }

    private Dense(Shape in, int units, Parameter kernel, Parameter bias) {
        this.in = in;
        this.out = new Shape(units, 1, 1);
        this.inputs = in.size();
        this.units = units;
        this.kernel = kernel;
        this.bias = bias;
    }

    public void initialize(Init init, SplittableRandom random) {
        init.fill(kernel.data, inputs, units, random);
        Arrays.fill(bias.data, 0f);
    }

    @Override public String name() { return "dense"; }

    @Override public Shape inputShape() { return in; }

    @Override public Shape outputShape() { return out; }

    @Override public List<Parameter> parameters() { return List.of(kernel, bias); }

    @Override public Layer replica() { return new Dense(in, units, kernel.replica(), bias.replica()); }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        input = x;
        output = Tensor.reuse(output, x.n, units, 1, 1);
        for (int s = 0; s < x.n; s++) {
            System.arraycopy(bias.data, 0, output.data, s * units, units);
        }
        Gemm.mulAdd(x.n, units, inputs, x.data, 0, inputs, kernel.data, 0, units, output.data, 0, units);
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        int n = gradOut.n;
        float[] g = gradOut.data;
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < units; j++) {
                bias.grad[j] += g[s * units + j];
            }
        }
        // dKernel[inputs x units] += in^T[inputs x n] * dOut[n x units]
        if (inT.length < n * inputs) {
            inT = new float[n * inputs];
        }
        Gemm.transpose(input.data, 0, n, inputs, inT, 0);
        Gemm.mulAdd(inputs, units, n, inT, 0, n, g, 0, units, kernel.grad, 0, units);
        // dIn[n x inputs] = dOut[n x units] * kernel^T
        gradIn = Tensor.reuse(gradIn, n, in.c(), in.h(), in.w());
        Arrays.fill(gradIn.data, 0, gradIn.size(), 0f);
        Gemm.mulAddTransB(n, inputs, units, g, 0, units, kernel.data, 0, units, gradIn.data, 0, inputs);
        return gradIn;
    }
}
