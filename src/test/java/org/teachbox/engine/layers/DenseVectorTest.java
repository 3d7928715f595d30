package org.teachbox.engine.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/**
 * Dense on the Vector API ({@link DenseKernels}) computes what Dense on {@link Gemm} computes,
 * to the bit where both add the same terms in the same order: the output, the input gradient
 * and, for batches of eight or more, the kernel gradient (smaller batches add each sample
 * straight into the gradient on Gemm, so there the two agree only up to rounding).
 */
class DenseVectorTest {

    @ParameterizedTest
    @CsvSource({
            "16, 4096, 64", // RefCNN's head
            "16, 64, 3",    // its last layer: fewer units than one vector
            "8, 784, 128",  // the digits MLP
            "21, 37, 19",   // more samples than one vector, nothing a whole number of vectors
            "3, 10, 5"})    // a small batch
    void givesWhatGemmGives(int n, int inputs, int units) {
        Shape in = new Shape(inputs, 1, 1);
        Dense vector = new Dense(in, units);
        Dense gemm = Dense.withGemm(in, units);
        SplittableRandom random = new SplittableRandom(n * 1000L + inputs + units);
        vector.initialize(Init.GLOROT, random);
        for (int p = 0; p < 2; p++) {
            float[] data = vector.parameters().get(p).data;
            if (p == 1) {
                for (int u = 0; u < units; u++) {
                    data[u] = (float) random.nextDouble(-0.2, 0.2);
                }
            }
            System.arraycopy(data, 0, gemm.parameters().get(p).data, 0, data.length);
        }
        Tensor x = random(n, inputs, random);
        Tensor g = random(n, units, random);

        assertThat(vector.forward(x, true).data).containsExactly(gemm.forward(x, true).data);
        assertThat(vector.backward(g).data).containsExactly(gemm.backward(g).data);
        float[] expected = gemm.parameters().get(0).grad;
        float[] actual = vector.parameters().get(0).grad;
        if (n >= 8) {
            assertThat(actual).containsExactly(expected);
        } else {
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).isCloseTo(expected[i], within(1e-5f));
            }
        }
        assertThat(vector.parameters().get(1).grad).containsExactly(gemm.parameters().get(1).grad);
    }

    @Test
    void givesTheSameBitsWhenItsProductsAreSplitOverThreads() throws Exception {
        Shape in = new Shape(4096, 1, 1);
        Dense serial = new Dense(in, 64);
        Dense split = new Dense(in, 64);
        serial.initialize(Init.HE, new SplittableRandom(3));
        split.initialize(Init.HE, new SplittableRandom(3));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            split.runOn((count, task) -> {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    int t = i;
                    done.add(pool.submit(() -> task.accept(t)));
                }
                for (Future<?> f : done) {
                    try {
                        f.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            SplittableRandom random = new SplittableRandom(4);
            Tensor x = random(16, 4096, random);
            Tensor g = random(16, 64, random);
            assertThat(split.forward(x, true).data).containsExactly(serial.forward(x, true).data);
            assertThat(split.backward(g).data).containsExactly(serial.backward(g).data);
            assertThat(split.parameters().get(0).grad).containsExactly(serial.parameters().get(0).grad);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Tensor random(int n, int size, SplittableRandom random) {
        Tensor t = new Tensor(n, size, 1, 1);
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] = (float) random.nextDouble(-1, 1);
        }
        return t;
    }
}
