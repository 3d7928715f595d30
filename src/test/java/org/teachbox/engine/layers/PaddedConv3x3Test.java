package org.teachbox.engine.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/**
 * The 3 x 3 convolution on padded planes (Vector API) computes what the im2col path computes:
 * the same bits forward and for the input gradient, whose sums run in the same order, and the
 * same weight gradients up to float rounding, whose sums run in another order.
 */
class PaddedConv3x3Test {

    @Test
    void theBuildRunsTheVectorPath() {
        // Without --add-modules jdk.incubator.vector (set in pom.xml) training silently falls back
        // to the plain-Java path, about 1.7 times slower; this makes that loss visible.
        assertThat(VectorSupport.ENABLED)
                .as("the JVM has jdk.incubator.vector and teachbox.engine.vector is not false")
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "3, 16, 64, 64, false", // RefCNN's first layer
            "16, 32, 32, 32, true", // its second
            "32, 64, 16, 16, true", // its third
            "5, 11, 7, 9, true",    // sizes that fill no tile and no block evenly
            "1, 3, 2, 3, true"})
    void givesWhatIm2colGives(int channels, int filters, int h, int w, boolean inputGradient) {
        Shape in = new Shape(channels, h, w);
        Conv2D padded = new Conv2D(in, filters, 3, 1, 1, inputGradient);
        Conv2D im2col = Conv2D.withIm2col(in, filters, 3, 1, 1, inputGradient);
        SplittableRandom random = new SplittableRandom(channels * 31L + filters);
        padded.initialize(Init.HE, random);
        float[] bias = padded.parameters().get(1).data;
        for (int f = 0; f < filters; f++) {
            bias[f] = (float) random.nextDouble(-0.5, 0.5);
        }
        for (int p = 0; p < 2; p++) {
            System.arraycopy(padded.parameters().get(p).data, 0, im2col.parameters().get(p).data, 0,
                    padded.parameters().get(p).data.length);
        }
        Tensor x = randomTensor(3, in, random);
        // mostly zeros, as behind ReLU and max-pooling
        Tensor g = randomTensor(3, padded.outputShape(), random);
        for (int i = 0; i < g.data.length; i++) {
            if (random.nextInt(4) != 0) {
                g.data[i] = 0f;
            }
        }

        assertThat(padded.forward(x, true).data).containsExactly(im2col.forward(x, true).data);
        Tensor dxPadded = padded.backward(g);
        Tensor dxIm2col = im2col.backward(g);
        if (inputGradient) {
            assertThat(dxPadded.data).containsExactly(dxIm2col.data);
        } else {
            assertThat(dxPadded).isNull();
        }
        for (int p = 0; p < 2; p++) {
            float[] actual = padded.parameters().get(p).grad;
            float[] expected = im2col.parameters().get(p).grad;
            float scale = 0;
            for (float e : expected) {
                scale = Math.max(scale, Math.abs(e));
            }
            assertThat(scale).isPositive();
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("gradient %d of parameter %d", i, p).isCloseTo(expected[i], within(2e-5f * scale));
            }
        }
    }

    private static Tensor randomTensor(int n, Shape s, SplittableRandom random) {
        Tensor t = new Tensor(n, s.c(), s.h(), s.w());
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] = (float) random.nextDouble(-1, 1);
        }
        return t;
    }
}
