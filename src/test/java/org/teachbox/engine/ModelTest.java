package org.teachbox.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Presets, summaries and prediction. */
class ModelTest {

    @Test
    void summaryCountsParametersLikeKeras() {
        // a single dense layer 784 -> 10 has (784 + 1) * 10 = 7850 parameters, as the seeds say
        Model single = Model.builder(1, 28, 28).flatten().dense(10).build(0);
        assertThat(single.parameterCount()).isEqualTo(7850);

        // MLP 784 -> 128 -> 64 -> 10: (784+1)*128 + (128+1)*64 + (64+1)*10 = 100480 + 8256 + 650
        Model mlp = Presets.mlp(10, 28, 1, 0);
        assertThat(mlp.parameterCount()).isEqualTo(109386);
        assertThat(mlp.summary()).extracting(LayerSummary::name)
                .containsExactly("flatten", "dense", "relu", "dense_1", "relu_1", "dense_2");
        assertThat(mlp.summary().get(1).outputShape()).containsExactly(128);
    }

    @Test
    void refCnnMatchesTheTorchReferenceLayerForLayer() {
        // conv 3*9*16+16 = 448, 16*9*32+32 = 4640, 32*9*64+64 = 18496; dense 4096*64+64 = 262208, 64*3+3 = 195
        Model model = Presets.refCnn(3, 64, 3, 0);
        List<LayerSummary> rows = model.summary();
        assertThat(rows).extracting(LayerSummary::parameters)
                .containsExactly(448L, 0L, 0L, 4640L, 0L, 0L, 18496L, 0L, 0L, 0L, 262208L, 0L, 195L);
        assertThat(rows.get(0).outputShape()).containsExactly(16, 64, 64);
        assertThat(rows.get(8).outputShape()).containsExactly(64, 8, 8);
        assertThat(rows.get(9).outputShape()).containsExactly(4096);
        assertThat(model.parameterCount()).isEqualTo(285987);
        assertThat(model.numClasses()).isEqualTo(3);
        assertThat(model.inputChannels()).isEqualTo(3);
    }

    @Test
    void sameSeedSameWeightsDifferentSeedDifferentWeights() {
        assertThat(Presets.refCnn(3, 16, 3, 1).snapshot()).isDeepEqualTo(Presets.refCnn(3, 16, 3, 1).snapshot());
        assertThat(Presets.refCnn(3, 16, 3, 1).snapshot()[0]).isNotEqualTo(Presets.refCnn(3, 16, 3, 2).snapshot()[0]);
    }

    @Test
    void heInitialisationBeforeReluGlorotOtherwise() {
        // He: U(-sqrt(6/fanIn), +); the last dense layer (no ReLU after it) uses Glorot: sqrt(6/(64+3))
        Model model = Presets.refCnn(3, 16, 3, 1);
        float[] conv1 = model.parameters().get(0).data;
        float[] last = model.parameters().get(8).data;
        assertThat(maxAbs(conv1)).isLessThanOrEqualTo((float) Math.sqrt(6.0 / 27)).isGreaterThan(0.8f * (float) Math.sqrt(6.0 / 27));
        assertThat(maxAbs(last)).isLessThanOrEqualTo((float) Math.sqrt(6.0 / 67)).isGreaterThan(0.8f * (float) Math.sqrt(6.0 / 67));
    }

    private static float maxAbs(float[] v) {
        float m = 0;
        for (float x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    @Test
    void predictGivesProbabilitiesAndIsSafeFromManyThreads() throws Exception {
        Model model = Presets.refCnn(4, 32, 3, 1);
        Dataset images = TrainerTest.randomImages(8, 3, 32, 4, 3);
        float[][] expected = new float[8][];
        for (int i = 0; i < 8; i++) {
            expected[i] = model.predict(images.image(i));
            float sum = 0;
            for (float p : expected[i]) {
                sum += p;
            }
            assertThat(sum).isCloseTo(1f, within(1e-5f));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int i = t % 8;
                results.add(pool.submit(() -> {
                    boolean same = true;
                    for (int r = 0; r < 20; r++) {
                        same &= java.util.Arrays.equals(model.predict(images.image(i)), expected[i]);
                    }
                    return same;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }
}
