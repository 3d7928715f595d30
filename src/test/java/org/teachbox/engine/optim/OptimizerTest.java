package org.teachbox.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.teachbox.engine.Parameter;

/**
 * Two steps of each optimizer on one weight w = 1, with gradient 0.5 and then -0.25, compared
 * with values worked out by hand from the formulas in each class's comment.
 */
class OptimizerTest {

    private static float twoSteps(Optimizer optimizer) {
        Parameter w = new Parameter("w", 1, true);
        w.data[0] = 1f;
        w.grad[0] = 0.5f;
        optimizer.step(List.of(w));
        w.grad[0] = -0.25f;
        optimizer.step(List.of(w));
        return w.data[0];
    }

    private static float oneStep(Optimizer optimizer) {
        Parameter w = new Parameter("w", 1, true);
        w.data[0] = 1f;
        w.grad[0] = 0.5f;
        optimizer.step(List.of(w));
        return w.data[0];
    }

    @Test
    void adamFirstStepMovesByAboutTheLearningRate() {
        // m = 0.1 * 0.5 = 0.05, v = 0.001 * 0.25 = 0.00025
        // lr_1 = 0.1 * sqrt(1 - 0.999) / (1 - 0.9) = 0.0316228
        // w = 1 - 0.0316228 * 0.05 / (sqrt(0.00025) + 1e-7) = 1 - 0.0999994 = 0.9000006
        assertThat(oneStep(new Adam(0.1f))).isCloseTo(0.9000006f, within(1e-6f));
    }

    @Test
    void adamSecondStepMatchesHandComputation() {
        // m = 0.9 * 0.05 + 0.1 * (-0.25) = 0.02
        // v = 0.999 * 0.00025 + 0.001 * 0.0625 = 0.00031225
        // lr_2 = 0.1 * sqrt(1 - 0.999^2) / (1 - 0.9^2) = 0.0235317
        // w = 0.9000006 - 0.0235317 * 0.02 / (sqrt(0.00031225) + 1e-7) = 0.8733671
        assertThat(twoSteps(new Adam(0.1f))).isCloseTo(0.8733671f, within(2e-6f));
    }

    @Test
    void adamUsesTheKerasDefaults() {
        Adam adam = new Adam();
        assertThat(adam.learningRate()).isEqualTo(0.001f);
        assertThat(Adam.DEFAULT_BETA1).isEqualTo(0.9f);
        assertThat(Adam.DEFAULT_BETA2).isEqualTo(0.999f);
        assertThat(Adam.DEFAULT_EPSILON).isEqualTo(1e-7f);
    }

    @Test
    void adamStartsOverAfterReset() {
        Adam adam = new Adam(0.1f);
        oneStep(adam);
        adam.reset();
        assertThat(oneStep(adam)).isCloseTo(0.9000006f, within(1e-6f));
    }

    @Test
    void rmsPropMatchesHandComputation() {
        // step 1: avg = 0.1 * 0.25 = 0.025;  w = 1 - 0.01 * 0.5 / sqrt(0.025) = 0.9683772
        // step 2: avg = 0.9 * 0.025 + 0.1 * 0.0625 = 0.02875;  w = 0.9683772 + 0.01 * 0.25 / sqrt(0.02875) = 0.9831214
        assertThat(oneStep(new RmsProp(0.01f))).isCloseTo(0.9683772f, within(1e-6f));
        assertThat(twoSteps(new RmsProp(0.01f))).isCloseTo(0.9831214f, within(1e-6f));
        assertThat(new RmsProp().learningRate()).isEqualTo(0.001f);
        assertThat(RmsProp.DEFAULT_RHO).isEqualTo(0.9f);
    }

    @Test
    void sgdWithMomentumMatchesHandComputation() {
        // step 1: v = -0.1 * 0.5 = -0.05, w = 0.95
        // step 2: v = 0.9 * -0.05 - 0.1 * -0.25 = -0.02, w = 0.93
        assertThat(oneStep(new Sgd(0.1f, 0.9f))).isCloseTo(0.95f, within(1e-6f));
        assertThat(twoSteps(new Sgd(0.1f, 0.9f))).isCloseTo(0.93f, within(1e-6f));
    }

    @Test
    void plainSgdStepsAgainstTheGradient() {
        // w = 1 - 0.1 * 0.5 = 0.95, then 0.95 + 0.1 * 0.25 = 0.975
        assertThat(twoSteps(new Sgd(0.1f))).isCloseTo(0.975f, within(1e-6f));
    }

    @Test
    void weightDecayPullsWeightsButNotBiasesTowardZero() {
        // gradient 0 plus decay 0.01 * w: w = 1 - 0.1 * 0.01 * 1 = 0.999
        Parameter weight = new Parameter("kernel", 1, true);
        Parameter bias = new Parameter("bias", 1, false);
        weight.data[0] = 1f;
        bias.data[0] = 1f;
        new Sgd(0.1f, 0f, 0.01f).step(List.of(weight, bias));
        assertThat(weight.data[0]).isCloseTo(0.999f, within(1e-7f));
        assertThat(bias.data[0]).isEqualTo(1f);
    }
}
