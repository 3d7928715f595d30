package org.teachbox.engine.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/**
 * Every layer's backward pass agrees with finite differences of its forward pass (see
 * {@link GradientCheck}), on a batch of two so that mixing up samples would show.
 */
class LayerGradientTest {

    private static Tensor input(Shape s) {
        return GradientCheck.distinctInput(2, s.c(), s.h(), s.w(), 7);
    }

    private static void randomize(Conv2D conv) {
        conv.initialize(Init.GLOROT, new SplittableRandom(1));
        // non-zero biases so a missing bias term shows up
        var bias = conv.parameters().get(1).data;
        for (int i = 0; i < bias.length; i++) {
            bias[i] = 0.1f * (i + 1);
        }
    }

    @Test
    void conv3x3SamePaddingMatchesFiniteDifferences() {
        Shape s = new Shape(2, 5, 6);
        Conv2D conv = new Conv2D(s, 3, 3, 1, 1, true);
        randomize(conv);
        assertThat(conv.outputShape()).isEqualTo(new Shape(3, 5, 6));
        GradientCheck.check(conv, input(s), 11);
    }

    @Test
    void conv3x3WithShortFieldsComputesItsWeightGradientAsDotProducts() {
        // 2 channels x 3 x 3 = 18 weights per filter: the dot-product path, with 6 filters (one
        // block of four and two left over) and 19 rows (four blocks of four and three left over)
        Shape s = new Shape(2, 4, 5);
        Conv2D conv = Conv2D.withIm2col(s, 6, 3, 1, 1, true);
        randomize(conv);
        GradientCheck.check(conv, input(s), 14);
    }

    @Test
    void conv3x3WithLongFieldsComputesItsWeightGradientAsAMatrixProduct() {
        // 8 channels x 3 x 3 = 72 weights per filter: long enough for the transposed matrix product
        Shape s = new Shape(8, 4, 5);
        Conv2D conv = Conv2D.withIm2col(s, 5, 3, 1, 1, true);
        randomize(conv);
        GradientCheck.check(conv, input(s), 15);
    }

    @Test
    void conv3x3OnPaddedPlanesMatchesFiniteDifferences() {
        // 9 filters: one block of eight outputs and one left over, two blocks of four filters and
        // one left over in the weight gradient; 3 channels x 9 = 27 taps, three past the last block of four
        Shape s = new Shape(3, 5, 7);
        Conv2D conv = new Conv2D(s, 9, 3, 1, 1, true);
        randomize(conv);
        GradientCheck.check(conv, input(s), 23);
    }

    @Test
    void conv5x5Stride2NoPaddingMatchesFiniteDifferences() {
        Shape s = new Shape(2, 9, 8);
        Conv2D conv = new Conv2D(s, 2, 5, 2, 0, true);
        randomize(conv);
        assertThat(conv.outputShape()).isEqualTo(new Shape(2, 3, 2));
        GradientCheck.check(conv, input(s), 12);
    }

    @Test
    void firstConvSkipsTheInputGradientButStillLearns() {
        Shape s = new Shape(3, 4, 4);
        Conv2D conv = new Conv2D(s, 2, 3, 1, 1, false);
        randomize(conv);
        Tensor out = conv.forward(input(s), true);
        assertThat(conv.backward(new Tensor(out.n, out.c, out.h, out.w))).isNull();
        GradientCheck.check(conv, input(s), 13);
    }

    @Test
    void denseMatchesFiniteDifferences() {
        Shape s = new Shape(3, 2, 2);
        Dense dense = new Dense(s, 5);
        dense.initialize(Init.GLOROT, new SplittableRandom(2));
        GradientCheck.check(dense, input(s), 14);
    }

    @Test
    void maxPoolRoutesTheGradientToTheWinner() {
        Shape s = new Shape(2, 4, 6);
        GradientCheck.check(new MaxPool2D(s, 2), input(s), 15);
    }

    @Test
    void maxPoolDropsRowsThatDoNotFillAWindow() {
        Shape s = new Shape(1, 5, 5);
        MaxPool2D pool = new MaxPool2D(s, 2);
        assertThat(pool.outputShape()).isEqualTo(new Shape(1, 2, 2));
        GradientCheck.check(pool, input(s), 16);
    }

    @Test
    void fusedConvReluPoolMatchesFiniteDifferences() {
        // odd height, so the fused pool must also drop the row that does not fill a window
        Shape s = new Shape(2, 5, 6);
        Conv2D conv = new Conv2D(s, 3, 3, 1, 1, true);
        randomize(conv);
        ConvReluPool fused = new ConvReluPool(conv);
        assertThat(fused.outputShape()).isEqualTo(new Shape(3, 2, 3));
        GradientCheck.check(fused, input(s), 17);
    }

    @Test
    void fusedConvReluPoolOnIm2colMatchesFiniteDifferences() {
        // the path taken without the Vector API: a dense gradient tensor instead of padded planes
        Shape s = new Shape(2, 5, 6);
        Conv2D conv = Conv2D.withIm2col(s, 3, 3, 1, 1, true);
        randomize(conv);
        GradientCheck.check(new ConvReluPool(conv), input(s), 24);
    }

    @Test
    void fusedFirstLayerPassesItsGradientAsListsAndGetsTheSameBits() {
        // a first layer (no input gradient) with a short field takes the lists path of ConvReluPool;
        // odd sizes leave a row and a column of the conv output outside every pooling window
        Shape s = new Shape(3, 9, 11);
        Conv2D conv = Conv2D.withIm2col(s, 5, 3, 1, 1, false);
        randomize(conv);
        ReLU relu = new ReLU(conv.outputShape());
        MaxPool2D pool = new MaxPool2D(conv.outputShape(), 2);
        Tensor x = input(s);
        Tensor gradOut = GradientCheck.distinctInput(2, 5, 4, 5, 3);
        gradOut.data[3] = 0f; // a zero gradient at a winner must be skipped the same way

        pool.forward(relu.forward(conv.forward(x, true), true), true);
        assertThat(conv.backward(relu.backward(pool.backward(gradOut)))).isNull();
        float[] expectedGradW = conv.parameters().get(0).grad.clone();
        float[] expectedGradB = conv.parameters().get(1).grad.clone();
        conv.parameters().forEach(p -> p.zeroGrad());

        ConvReluPool fused = new ConvReluPool(conv);
        fused.forward(x, true);
        assertThat(fused.backward(gradOut)).isNull();
        assertThat(conv.parameters().get(0).grad).containsExactly(expectedGradW);
        assertThat(conv.parameters().get(1).grad).containsExactly(expectedGradB);
        assertThat(expectedGradW).isNotEqualTo(new float[expectedGradW.length]);
    }

    @Test
    void fusedConvReluPoolGivesExactlyWhatTheThreeLayersGive() {
        fusedMatchesThreeLayers(new Shape(3, 6, 8));
        // rows of 16 windows: pooled by whole vectors (VectorPool), with sixteen lanes
        fusedMatchesThreeLayers(new Shape(3, 16, 32));
        // and rows of 9, which end in windows the plain loop does
        fusedMatchesThreeLayers(new Shape(2, 10, 18));
    }

    private static void fusedMatchesThreeLayers(Shape s) {
        Conv2D conv = new Conv2D(s, 4, 3, 1, 1, true);
        randomize(conv);
        ReLU relu = new ReLU(conv.outputShape());
        MaxPool2D pool = new MaxPool2D(conv.outputShape(), 2);
        Tensor x = input(s);
        Tensor gradOut = GradientCheck.distinctInput(2, 4, s.h() / 2, s.w() / 2, 3);

        float[] expectedOut = pool.forward(relu.forward(conv.forward(x, true), true), true).data.clone();
        float[] expectedGradIn = conv.backward(relu.backward(pool.backward(gradOut))).data.clone();
        float[] expectedGradW = conv.parameters().get(0).grad.clone();
        conv.parameters().forEach(p -> p.zeroGrad());

        ConvReluPool fused = new ConvReluPool(conv);
        // prediction pools without tracking winners, by another route to the same values
        assertThat(fused.forward(x, false).data).containsExactly(expectedOut);
        assertThat(fused.forward(x, true).data).containsExactly(expectedOut);
        assertThat(fused.backward(gradOut).data).containsExactly(expectedGradIn);
        assertThat(conv.parameters().get(0).grad).containsExactly(expectedGradW);
    }

    @Test
    void globalAveragePoolMatchesFiniteDifferences() {
        Shape s = new Shape(3, 3, 4);
        GradientCheck.check(new GlobalAveragePool(s), input(s), 17);
    }

    @Test
    void flattenOnlyRelabelsTheShape() {
        Shape s = new Shape(2, 3, 3);
        Flatten flatten = new Flatten(s);
        Tensor x = input(s);
        assertThat(flatten.forward(x, true).data).isSameAs(x.data);
        GradientCheck.check(flatten, x, 18);
    }

    @Test
    void activationsMatchFiniteDifferences() {
        Shape s = new Shape(2, 3, 3);
        GradientCheck.check(new ReLU(s), input(s), 19);
        GradientCheck.check(new LeakyReLU(s, 0.01f), input(s), 20);
        GradientCheck.check(new Sigmoid(s), input(s), 21);
        GradientCheck.check(new Tanh(s), input(s), 22);
    }

    @Test
    void activationsComputeTheTextbookValues() {
        Shape s = new Shape(1, 1, 2);
        Tensor x = new Tensor(1, 1, 1, 2, new float[] {-2f, 3f});
        assertThat(new ReLU(s).forward(x, false).data).containsExactly(0f, 3f);
        assertThat(new LeakyReLU(s, 0.01f).forward(x, false).data).containsExactly(-0.02f, 3f);
        assertThat(new Sigmoid(s).forward(x, false).data[0]).isCloseTo(0.1192029f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(new Tanh(s).forward(x, false).data[1]).isCloseTo(0.9950548f, org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void dropoutScalesSurvivorsAndPassesThroughAtPrediction() {
        Shape s = new Shape(1, 100, 100);
        Dropout dropout = new Dropout(s, 0.25f);
        dropout.setRandom(new SplittableRandom(3));
        Tensor ones = new Tensor(1, 1, 100, 100);
        java.util.Arrays.fill(ones.data, 1f);
        float[] out = dropout.forward(ones, true).data.clone();
        int kept = 0;
        for (float v : out) {
            assertThat(v).isIn(0f, 1f / 0.75f);
            kept += v > 0 ? 1 : 0;
        }
        assertThat(kept / 10000.0).isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.02));
        // backward uses the same mask: d(out)/d(in) is that scale factor or 0
        Tensor g = dropout.backward(ones);
        assertThat(g.data).containsExactly(out);
        assertThat(dropout.forward(ones, false).data).containsOnly(1f);
    }

    @Test
    void convComputesAHandWorkedExample() {
        // one 3x3 input, one 3x3 kernel of ones, pad 1: each output is the sum of its neighbourhood
        Shape s = new Shape(1, 3, 3);
        Conv2D conv = new Conv2D(s, 1, 3, 1, 1, true);
        java.util.Arrays.fill(conv.parameters().get(0).data, 1f);
        conv.parameters().get(1).data[0] = 0.5f;
        Tensor x = new Tensor(1, 1, 3, 3, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertThat(conv.forward(x, false).data)
                .containsExactly(12.5f, 21.5f, 16.5f, 27.5f, 45.5f, 33.5f, 24.5f, 39.5f, 28.5f);
    }
}
