package org.teachbox.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The fused softmax + cross-entropy loss, against values worked out by hand. */
class SoftmaxCrossEntropyTest {

    @Test
    void lossIsMinusLnOfTheTrueClassProbability() {
        // logits ln(0.21), ln(0.79) give softmax exactly (0.21, 0.79): loss = -ln 0.21 = 1.5606
        // (the seed-004 slide says 0.156; the slide is wrong by a factor of ten)
        float[] logits = {(float) Math.log(0.21), (float) Math.log(0.79)};
        assertThat(SoftmaxCrossEntropy.loss(logits, 0, 2, 0)).isCloseTo(1.5606477f, within(1e-5f));
    }

    @Test
    void softmaxSumsToOneAndSurvivesHugeLogits() {
        float[] logits = {1000f, 1001f, 999f};
        float[] p = new float[3];
        SoftmaxCrossEntropy.softmax(logits, 0, 3, p, 0);
        // same as softmax(0, 1, -1) = (e^0, e^1, e^-1) / (1 + e + 1/e)
        assertThat(p[1]).isCloseTo(0.6652410f, within(1e-6f));
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1f, within(1e-6f));
        assertThat(SoftmaxCrossEntropy.loss(logits, 0, 3, 1)).isCloseTo(0.4076059f, within(1e-5f));
    }

    @Test
    void gradientIsSoftmaxMinusOneHotDividedByTotalWeight() {
        // two samples with weights 1 and 3: each gradient row is w * (p - y) / 4
        Tensor logits = new Tensor(2, 3, 1, 1, new float[] {0.2f, -1f, 0.5f, 1f, 1f, 1f});
        Tensor grad = new Tensor(2, 3, 1, 1);
        float[] weights = {1f, 3f, 1f};
        double sum = SoftmaxCrossEntropy.lossAndGradient(logits, new int[] {2, 1}, 0, weights, 4f, grad);
        double expected = SoftmaxCrossEntropy.loss(logits.data, 0, 3, 2) + 3 * Math.log(3);
        assertThat(sum).isCloseTo(expected, within(1e-5));
        assertThat(grad.data[3]).isCloseTo(3 * (1 / 3f) / 4, within(1e-6f));
        assertThat(grad.data[4]).isCloseTo(3 * (1 / 3f - 1) / 4, within(1e-6f));
        // and it matches finite differences of the weighted loss
        for (int i = 0; i < 6; i++) {
            float saved = logits.data[i];
            logits.data[i] = saved + 1e-3f;
            double plus = weightedMean(logits, weights);
            logits.data[i] = saved - 1e-3f;
            double minus = weightedMean(logits, weights);
            logits.data[i] = saved;
            assertThat((double) grad.data[i]).isCloseTo((plus - minus) / 2e-3, within(1e-4));
        }
    }

    private static double weightedMean(Tensor logits, float[] weights) {
        return (SoftmaxCrossEntropy.loss(logits.data, 0, 3, 2) * weights[2]
                + SoftmaxCrossEntropy.loss(logits.data, 3, 3, 1) * weights[1]) / 4;
    }
}
