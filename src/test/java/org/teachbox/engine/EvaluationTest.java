package org.teachbox.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Confusion matrix and per-class numbers on a model whose answers we can predict. */
class EvaluationTest {

    @Test
    void confusionCountsActualAgainstPredicted() {
        // one input, dense 1 -> 2 with kernel (1, -1) and no bias: positive inputs say class 0, negative class 1
        Model model = Model.builder(1, 1, 1).dense(2).build(0);
        model.parameters().get(0).data[0] = 1f;
        model.parameters().get(0).data[1] = -1f;
        Dataset data = new Dataset(1, 1, 1);
        data.add(new float[] {1f}, 0);   // right
        data.add(new float[] {2f}, 0);   // right
        data.add(new float[] {-1f}, 0);  // wrong: called 1
        data.add(new float[] {-3f}, 1);  // right
        data.add(new float[] {0.5f}, 1); // wrong: called 0
        Evaluation e = Evaluation.of(model, data);
        assertThat(e.predicted()).containsExactly(0, 0, 1, 1, 0);
        assertThat(e.confusion()).isDeepEqualTo(new int[][] {{2, 1}, {1, 1}});
        assertThat(e.accuracy()).isEqualTo(3f / 5);
        assertThat(e.perClassAccuracy()).containsExactly(2f / 3, 0.5f);
        assertThat(e.perClassCount()).containsExactly(3, 2);
        assertThat(e.probabilities()[0][0]).isGreaterThan(0.5f);
    }
}
