package org.teachbox.engine.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/**
 * The plain loops of {@link Reference} are right, and every fast kernel computes what they
 * compute. First the loops themselves: a convolution, a dense layer and a pool worked out by
 * hand, and each backward against finite differences of its forward. Then each fast path on
 * random inputs: output, input gradient and parameter gradients, within float rounding of the
 * loops' double sums (1e-5 of the largest value; a wrong index is off by the value itself).
 */
class ReferenceTest {

    // ---- the loops, by hand ----

    @Test
    void convolutionByHand() {
        // a 1 x 3 x 3 image 1..9, one 2 x 2 kernel [[1, 0], [0, -1]], bias 0.5, stride 1, no padding:
        // out(y, x) = in(y, x) - in(y + 1, x + 1) + 0.5 = -4 + 0.5 everywhere
        float[] in = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] out = Reference.conv2dForward(in, 1, new Shape(1, 3, 3), new float[] {1, 0, 0, -1},
                new float[] {0.5f}, 1, 2, 1, 0);
        assertThat(out).containsExactly(-3.5f, -3.5f, -3.5f, -3.5f);
        // with padding 1 and stride 2 the 2 x 2 outputs see the corners: (0,0) sees only -in(0,0) = -1
        float[] padded = Reference.conv2dForward(in, 1, new Shape(1, 3, 3), new float[] {1, 0, 0, -1},
                new float[] {0f}, 1, 2, 2, 1);
        assertThat(padded).containsExactly(-1f, -3f, -7f, 5f - 9f);
    }

    @Test
    void denseByHand() {
        // in [1, 2], kernel [[1, 2, 3], [4, 5, 6]] (inputs x units), bias [0, 0, 1]: [9, 12, 16]
        float[] out = Reference.denseForward(new float[] {1, 2}, 1, 2, new float[] {1, 2, 3, 4, 5, 6},
                new float[] {0, 0, 1}, 3);
        assertThat(out).containsExactly(9f, 12f, 16f);
        // dIn = kernel * gradOut, dKernel = in^T gradOut, dBias = gradOut
        float[] dK = new float[6];
        float[] dB = new float[3];
        float[] dIn = Reference.denseBackward(new float[] {1, 2}, 1, 2, new float[] {1, 2, 3, 4, 5, 6}, 3,
                new float[] {1, 0, -1}, dK, dB);
        assertThat(dIn).containsExactly(1f - 3f, 4f - 6f);
        assertThat(dK).containsExactly(1f, 0f, -1f, 2f, 0f, -2f);
        assertThat(dB).containsExactly(1f, 0f, -1f);
    }

    @Test
    void maxPoolByHand() {
        float[] in = {1, 5, 2, 0, 3, 4, 8, 7, 9, 9, 9, 9, 9, 9, 9, 9}; // 1 x 4 x 4
        assertThat(Reference.maxPoolForward(in, 1, new Shape(1, 4, 4), 2)).containsExactly(5f, 8f, 9f, 9f);
        float[] dIn = Reference.maxPoolBackward(in, 1, new Shape(1, 4, 4), 2, new float[] {1, 2, 3, 4});
        // the winners (a tie goes to the first in reading order) get the whole gradient
        assertThat(dIn).containsExactly(0, 1, 0, 0, 0, 0, 2, 0, 3, 0, 4, 0, 0, 0, 0, 0);
    }

    @Test
    void convolutionBackwardIsTheDerivativeOfForward() {
        Shape in = new Shape(2, 5, 4);
        int filters = 3, k = 3;
        SplittableRandom random = new SplittableRandom(1);
        float[] x = values(2 * in.size(), random);
        float[] w = values(filters * in.c() * k * k, random);
        float[] b = values(filters, random);
        for (int[] sp : new int[][] {{1, 1}, {2, 0}, {2, 1}}) {
            int stride = sp[0], pad = sp[1];
            float[] r = values(Reference.conv2dForward(x, 2, in, w, b, filters, k, stride, pad).length, random);
            float[] dW = new float[w.length];
            float[] dB = new float[b.length];
            float[] dX = Reference.conv2dBackward(x, 2, in, w, filters, k, stride, pad, r, dW, dB);
            Forward f = () -> Reference.conv2dForward(x, 2, in, w, b, filters, k, stride, pad);
            checkDerivatives(f, r, x, dX);
            checkDerivatives(f, r, w, dW);
            checkDerivatives(f, r, b, dB);
        }
    }

    @Test
    void denseAndPoolBackwardAreTheDerivativesOfForward() {
        SplittableRandom random = new SplittableRandom(2);
        float[] x = values(3 * 7, random);
        float[] kernel = values(7 * 4, random);
        float[] bias = values(4, random);
        float[] r = values(3 * 4, random);
        float[] dK = new float[kernel.length];
        float[] dB = new float[bias.length];
        float[] dX = Reference.denseBackward(x, 3, 7, kernel, 4, r, dK, dB);
        Forward dense = () -> Reference.denseForward(x, 3, 7, kernel, bias, 4);
        checkDerivatives(dense, r, x, dX);
        checkDerivatives(dense, r, kernel, dK);
        checkDerivatives(dense, r, bias, dB);

        Shape in = new Shape(2, 6, 6);
        // distinct values 0.05 apart, so that no nudge of 0.01 changes which input wins a window
        float[] px = new float[2 * in.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = 0.05f * i - 1f;
        }
        for (int i = px.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float t = px[i];
            px[i] = px[j];
            px[j] = t;
        }
        float[] pr = values(2 * 2 * 2 * 2, random);
        checkDerivatives(() -> Reference.maxPoolForward(px, 2, in, 3), pr, px,
                Reference.maxPoolBackward(px, 2, in, 3, pr));
    }

    // ---- the fast kernels against the loops ----

    @ParameterizedTest
    @CsvSource({
            // channels, filters, h, w, kernel, stride, pad, inputGradient, im2col only
            "3, 16, 64, 64, 3, 1, 1, false, false", // RefCNN's first layer (PaddedConv3x3)
            "16, 32, 32, 32, 3, 1, 1, true, false", // its second
            "32, 64, 16, 16, 3, 1, 1, true, false", // its third
            "5, 11, 7, 9, 3, 1, 1, true, false",    // sizes that fill no tile evenly
            "3, 16, 64, 64, 3, 1, 1, false, true",  // the same on im2col and Gemm
            "16, 32, 32, 32, 3, 1, 1, true, true",
            "5, 11, 7, 9, 3, 1, 1, true, true",
            "4, 6, 9, 8, 5, 1, 2, true, false",     // 5 x 5: im2col even with the Vector API
            "3, 8, 11, 10, 3, 2, 1, true, false",   // stride 2: col2im for the input gradient
            "2, 5, 6, 7, 3, 1, 0, true, false"})    // no padding: smaller output
    void conv2dGivesWhatThePlainLoopsGive(int channels, int filters, int h, int w, int k, int stride, int pad,
                                          boolean inputGradient, boolean im2colOnly) {
        Shape in = new Shape(channels, h, w);
        Conv2D conv = im2colOnly ? Conv2D.withIm2col(in, filters, k, stride, pad, inputGradient)
                : new Conv2D(in, filters, k, stride, pad, inputGradient);
        SplittableRandom random = new SplittableRandom(channels * 131L + filters * 7L + h + k);
        conv.initialize(Init.HE, random);
        float[] weight = conv.parameters().get(0).data;
        float[] bias = conv.parameters().get(1).data;
        fill(bias, random);
        int n = 3;
        Tensor x = tensor(n, in, random);
        Shape o = conv.outputShape();
        Tensor g = sparse(tensor(n, o, random), random);

        assertClose(conv.forward(x, true).data, Reference.conv2dForward(x.data, n, in, weight, bias, filters, k, stride, pad),
                "output");
        float[] dW = new float[weight.length];
        float[] dB = new float[bias.length];
        float[] dX = Reference.conv2dBackward(x.data, n, in, weight, filters, k, stride, pad, g.data, dW, dB);
        Tensor fastDx = conv.backward(g);
        if (inputGradient) {
            assertClose(fastDx.data, dX, "input gradient");
        } else {
            assertThat(fastDx).isNull();
        }
        assertClose(conv.parameters().get(0).grad, dW, "weight gradient");
        assertClose(conv.parameters().get(1).grad, dB, "bias gradient");
    }

    @ParameterizedTest
    @CsvSource({
            // n, inputs, units, Gemm only
            "16, 4096, 64, false", // RefCNN's head (DenseKernels)
            "16, 64, 5, false",    // its last layer
            "8, 784, 128, false",  // the digits MLP
            "21, 37, 19, false",   // nothing a whole number of vectors
            "3, 10, 5, false",
            "1, 33, 130, false",   // one picture, as in prediction
            "16, 4096, 64, true",  // Gemm: the transposed kernel gradient for batches
            "3, 10, 5, true",      // Gemm: four, two and one samples at a time
            "7, 300, 130, true"})
    void denseGivesWhatThePlainLoopsGive(int n, int inputs, int units, boolean gemmOnly) {
        Shape in = new Shape(inputs, 1, 1);
        Dense dense = gemmOnly ? Dense.withGemm(in, units) : new Dense(in, units);
        SplittableRandom random = new SplittableRandom(n * 1000L + inputs + units);
        dense.initialize(Init.GLOROT, random);
        float[] kernel = dense.parameters().get(0).data;
        float[] bias = dense.parameters().get(1).data;
        fill(bias, random);
        Tensor x = tensor(n, in, random);
        Tensor g = tensor(n, dense.outputShape(), random);

        assertClose(dense.forward(x, true).data, Reference.denseForward(x.data, n, inputs, kernel, bias, units), "output");
        float[] dK = new float[kernel.length];
        float[] dB = new float[bias.length];
        float[] dX = Reference.denseBackward(x.data, n, inputs, kernel, units, g.data, dK, dB);
        assertClose(dense.backward(g).data, dX, "input gradient");
        assertClose(dense.parameters().get(0).grad, dK, "kernel gradient");
        assertClose(dense.parameters().get(1).grad, dB, "bias gradient");
    }

    @ParameterizedTest
    @CsvSource({"2, 16, 64, 64", "2, 3, 7, 9", "3, 2, 9, 9", "4, 2, 8, 8"})
    void maxPoolGivesWhatThePlainLoopsGive(int size, int channels, int h, int w) {
        Shape in = new Shape(channels, h, w);
        MaxPool2D pool = new MaxPool2D(in, size);
        SplittableRandom random = new SplittableRandom(size * 100L + h);
        Tensor x = tensor(2, in, random);
        Tensor g = tensor(2, pool.outputShape(), random);
        assertThat(pool.forward(x, true).data).containsExactly(Reference.maxPoolForward(x.data, 2, in, size));
        assertThat(pool.backward(g).data).containsExactly(Reference.maxPoolBackward(x.data, 2, in, size, g.data));
    }

    @ParameterizedTest
    @CsvSource({
            // channels, filters, h, w, inputGradient, im2col only
            "3, 16, 64, 64, false, false", // RefCNN's first block: PaddedConv3x3 and VectorPool
            "16, 32, 32, 32, true, false", // its second
            "5, 7, 10, 14, true, false",   // widths no vector covers evenly
            "3, 16, 64, 64, false, true",  // im2col: its sparse weight gradient for short receptive fields
            "16, 32, 32, 32, true, true",
            "3, 4, 7, 9, true, true"})     // odd sizes: the last row and column are dropped
    void convReluPoolGivesWhatThePlainLoopsGiveOneAfterAnother(int channels, int filters, int h, int w,
                                                               boolean inputGradient, boolean im2colOnly) {
        Shape in = new Shape(channels, h, w);
        Conv2D conv = im2colOnly ? Conv2D.withIm2col(in, filters, 3, 1, 1, inputGradient)
                : new Conv2D(in, filters, 3, 1, 1, inputGradient);
        ConvReluPool fused = new ConvReluPool(conv);
        SplittableRandom random = new SplittableRandom(channels * 17L + filters + w);
        conv.initialize(Init.HE, random);
        float[] weight = conv.parameters().get(0).data;
        float[] bias = conv.parameters().get(1).data;
        fill(bias, random);
        int n = 2;
        Tensor x = tensor(n, in, random);
        Tensor g = tensor(n, fused.outputShape(), random);
        Shape convOut = conv.outputShape();

        float[] pre = Reference.conv2dForward(x.data, n, in, weight, bias, filters, 3, 1, 1);
        float[] relu = Reference.reluForward(pre);
        assertClose(fused.forward(x, true).data, Reference.maxPoolForward(relu, n, convOut, 2), "output");

        float[] dRelu = Reference.maxPoolBackward(relu, n, convOut, 2, g.data);
        float[] dPre = Reference.reluBackward(pre, dRelu);
        float[] dW = new float[weight.length];
        float[] dB = new float[bias.length];
        float[] dX = Reference.conv2dBackward(x.data, n, in, weight, filters, 3, 1, 1, dPre, dW, dB);
        Tensor fastDx = fused.backward(g);
        if (inputGradient) {
            assertClose(fastDx.data, dX, "input gradient");
        } else {
            assertThat(fastDx).isNull();
        }
        assertClose(conv.parameters().get(0).grad, dW, "weight gradient");
        assertClose(conv.parameters().get(1).grad, dB, "bias gradient");
    }

    // ---- helpers ----

    @FunctionalInterface
    private interface Forward {
        float[] run();
    }

    /** d/dv of L = sum(forward() * r) by central differences, for every entry v of values. */
    private static void checkDerivatives(Forward forward, float[] r, float[] values, float[] analytic) {
        float eps = 1e-2f;
        for (int i = 0; i < values.length; i++) {
            float saved = values[i];
            values[i] = saved + eps;
            double plus = dot(forward.run(), r);
            values[i] = saved - eps;
            double minus = dot(forward.run(), r);
            values[i] = saved;
            assertThat(analytic[i]).as("derivative %d", i).isCloseTo((float) ((plus - minus) / (2 * eps)), within(2e-3f));
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    private static void assertClose(float[] actual, float[] expected, String what) {
        float scale = 0;
        for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        assertThat(scale).as(what + " is not all zero").isPositive();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s[%d]", what, i).isCloseTo(expected[i], within(1e-5f * scale));
        }
    }

    private static float[] values(int count, SplittableRandom random) {
        float[] v = new float[count];
        fill(v, random);
        return v;
    }

    private static void fill(float[] v, SplittableRandom random) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextDouble(-1, 1);
        }
    }

    private static Tensor tensor(int n, Shape shape, SplittableRandom random) {
        Tensor t = new Tensor(n, shape.c(), shape.h(), shape.w());
        fill(t.data, random);
        return t;
    }

    /** Three quarters zeros, as an output gradient behind ReLU and max-pooling is. */
    private static Tensor sparse(Tensor t, SplittableRandom random) {
        for (int i = 0; i < t.data.length; i++) {
            if (random.nextInt(4) != 0) {
                t.data[i] = 0f;
            }
        }
        return t;
    }
}
