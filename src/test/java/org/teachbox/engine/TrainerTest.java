package org.teachbox.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.teachbox.engine.TrainResult.Status;
import org.teachbox.engine.optim.Adam;
import org.teachbox.engine.optim.Sgd;

/** The training loop on small problems whose right answer is known. */
class TrainerTest {

    private static TrainConfig config(int epochs, int batch, float lr, int threads) {
        return new TrainConfig(epochs, batch, new Adam(lr), 42, Augmentation.none(), null, threads);
    }

    private static Dataset points(float[][] xy, int[] labels) {
        Dataset d = new Dataset(2, 1, 1);
        for (int i = 0; i < xy.length; i++) {
            d.add(xy[i], labels[i]);
        }
        return d;
    }

    @Test
    void learnsXor() {
        // XOR is the classic problem a single linear layer cannot solve; one hidden layer can
        Dataset xor = points(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new int[] {0, 1, 1, 0});
        Model model = Model.builder(2, 1, 1).dense(8).tanh().dense(2).build(1);
        new Trainer(config(300, 4, 0.05f, 1)).fit(model, xor, xor, null, null);
        assertThat(Evaluation.of(model, xor).accuracy()).isEqualTo(1f);
    }

    @Test
    void learnsTwoInterleavedSpirals() {
        Dataset spirals = new Dataset(2, 1, 1);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            int cls = i % 2;
            double r = (i / 2) / 100.0;
            double angle = 3.5 * Math.PI * r + Math.PI * cls + random.nextGaussian() * 0.05;
            spirals.add(new float[] {(float) (r * Math.cos(angle)), (float) (r * Math.sin(angle))}, cls);
        }
        Model model = Model.builder(2, 1, 1).dense(32).relu().dense(32).relu().dense(2).build(2);
        new Trainer(config(200, 32, 0.01f, 2)).fit(model, spirals, null, null, null);
        assertThat(Evaluation.of(model, spirals).accuracy()).isGreaterThan(0.95f);
    }

    @Test
    void oneTrainingStepLowersTheLoss() {
        Dataset data = randomImages(16, 3, 8, 3, 9);
        Model model = Presets.refCnn(3, 8, 3, 3);
        float before = meanLoss(model, data);
        new Trainer(new TrainConfig(1, 16, new Sgd(0.01f), 1, Augmentation.none(), null, 1))
                .fit(model, data, null, null, null);
        assertThat(meanLoss(model, data)).isLessThan(before);
    }

    @Test
    void sameSeedGivesIdenticalCurvesWhateverTheThreadCount() {
        Dataset train = randomImages(37, 3, 16, 3, 10);
        Dataset val = randomImages(11, 3, 16, 3, 11);
        List<List<EpochResult>> histories = new ArrayList<>();
        List<float[][]> weights = new ArrayList<>();
        for (int threads : new int[] {1, 2, 3}) {
            Model model = Model.builder(3, 16, 16).conv2d(8, 3).relu().maxPool(2).flatten().dropout(0.3f)
                    .dense(16).leakyRelu().dense(3).build(7);
            TrainConfig config = new TrainConfig(3, 10, new Adam(), 99, Augmentation.defaults(true),
                    new float[] {1f, 2f, 0.5f}, threads);
            histories.add(withoutSpeed(new Trainer(config).fit(model, train, val, null, null).history()));
            weights.add(model.snapshot());
        }
        assertThat(histories.get(1)).isEqualTo(histories.get(0));
        assertThat(histories.get(2)).isEqualTo(histories.get(0));
        assertThat(weights.get(1)).isDeepEqualTo(weights.get(0));
        assertThat(weights.get(2)).isDeepEqualTo(weights.get(0));
    }

    @Test
    void reportsEveryStepAndEpochAndStopsWhenCancelled() {
        Dataset data = randomImages(20, 3, 8, 3, 12);
        List<StepProgress> steps = new ArrayList<>();
        List<EpochResult> epochs = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override public void onStep(StepProgress p) { steps.add(p); }
            @Override public void onEpoch(EpochResult e) { epochs.add(e); }
        };
        // 20 images in batches of 8 = 3 steps per epoch; cancel as the 5th step is about to start
        AtomicInteger checks = new AtomicInteger();
        TrainResult result = new Trainer(config(10, 8, 0.001f, 2))
                .fit(Presets.refCnn(3, 8, 3, 1), data, data, listener, () -> checks.incrementAndGet() > 4);
        assertThat(result.status()).isEqualTo(Status.CANCELLED);
        assertThat(steps).hasSize(4);
        assertThat(steps.get(3)).extracting(StepProgress::epoch, StepProgress::step, StepProgress::steps)
                .containsExactly(2, 1, 3);
        assertThat(epochs).hasSize(1);
        assertThat(result.history()).isEqualTo(epochs);
        assertThat(result.bestEpoch()).isEqualTo(1);
    }

    @Test
    void stopsWithDivergedWhenTheLossBlowsUp() {
        Dataset data = randomImages(16, 3, 8, 3, 13);
        TrainResult result = new Trainer(new TrainConfig(20, 4, new Sgd(1e6f), 1, Augmentation.none(), null, 1))
                .fit(Presets.refCnn(3, 8, 3, 1), data, data, null, null);
        assertThat(result.status()).isEqualTo(Status.DIVERGED);
        assertThat(result.history().size()).isLessThan(20);
    }

    @Test
    void keepsTheWeightsOfTheBestValidationEpoch() {
        Dataset train = randomImages(24, 3, 8, 3, 14);
        Dataset val = randomImages(12, 3, 8, 3, 15); // unrelated labels: val loss wanders
        Model model = Presets.refCnn(3, 8, 3, 1);
        TrainResult result = new Trainer(config(8, 8, 0.01f, 2)).fit(model, train, val, null, null);
        // best = highest validation accuracy, then lowest validation loss among equals
        float best = Float.POSITIVE_INFINITY;
        float bestAccuracy = Float.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        for (EpochResult e : result.history()) {
            if (e.valAccuracy() > bestAccuracy || (e.valAccuracy() == bestAccuracy && e.valLoss() < best)) {
                best = e.valLoss();
                bestAccuracy = e.valAccuracy();
                bestEpoch = e.epoch();
            }
        }
        assertThat(result.status()).isEqualTo(Status.COMPLETED);
        assertThat(result.bestEpoch()).isEqualTo(bestEpoch);
        assertThat(meanLoss(model, val)).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void earlyStoppingEndsARunPatienceEpochsAfterItsBestValidationEpoch() {
        Dataset train = randomImages(24, 3, 8, 3, 14);
        Dataset val = randomImages(12, 3, 8, 3, 15); // unrelated labels: validation stops improving soon
        TrainConfig all = config(40, 8, 0.01f, 2);
        TrainConfig early = new TrainConfig(all.epochs(), all.batchSize(), new Adam(0.01f), all.seed(), all.augmentation(),
                null, 2, TrainConfig.Keep.BEST_VALIDATION, 3);
        TrainResult full = new Trainer(all).fit(Presets.refCnn(3, 8, 3, 1), train, val, null, null);
        TrainResult stopped = new Trainer(early).fit(Presets.refCnn(3, 8, 3, 1), train, val, null, null);

        assertThat(full.history()).hasSize(40);
        assertThat(stopped.status()).isEqualTo(Status.COMPLETED);
        // the same seed gives the same epochs until it stops: the first epoch with 3 worse ones after it
        int firstBestWithThreeWorse = 0;
        for (int best = 0, e = 1; e <= 40; e++) {
            EpochResult r = full.history().get(e - 1);
            EpochResult b = best == 0 ? null : full.history().get(best - 1);
            if (b == null || r.valAccuracy() > b.valAccuracy() || (r.valAccuracy() == b.valAccuracy() && r.valLoss() < b.valLoss())) {
                best = e;
            }
            if (e - best >= 3) {
                firstBestWithThreeWorse = best;
                break;
            }
        }
        assertThat(firstBestWithThreeWorse).as("validation stops improving within 40 epochs").isPositive();
        assertThat(stopped.history()).hasSize(firstBestWithThreeWorse + 3);
        assertThat(stopped.bestEpoch()).isEqualTo(firstBestWithThreeWorse);
        assertThat(withoutSpeed(stopped.history())).isEqualTo(withoutSpeed(full.history()).subList(0, firstBestWithThreeWorse + 3));
    }

    @Test
    void canKeepTheLastEpochInsteadSoValidationDoesNotPickTheModel() {
        Dataset train = randomImages(24, 3, 8, 3, 14);
        Dataset val = randomImages(12, 3, 8, 3, 15);
        TrainConfig best = config(8, 8, 0.01f, 2);
        TrainConfig last = new TrainConfig(best.epochs(), best.batchSize(), new Adam(0.01f), best.seed(),
                best.augmentation(), null, 2, TrainConfig.Keep.LAST_EPOCH);
        Model model = Presets.refCnn(3, 8, 3, 1);
        TrainResult result = new Trainer(last).fit(model, train, val, null, null);
        float lastLoss = result.history().get(result.history().size() - 1).valLoss();
        assertThat(result.bestEpoch()).isEqualTo(8);
        assertThat(meanLoss(model, val)).isCloseTo(lastLoss, org.assertj.core.data.Offset.offset(1e-4f));
        // the same run keeping its best epoch ends elsewhere (val labels are unrelated noise)
        TrainResult picked = new Trainer(best).fit(Presets.refCnn(3, 8, 3, 1), train, val, null, null);
        assertThat(picked.bestEpoch()).isNotEqualTo(8);
    }

    static Dataset randomImages(int count, int channels, int size, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Dataset d = new Dataset(channels, size, size);
        for (int i = 0; i < count; i++) {
            float[] img = new float[channels * size * size];
            for (int j = 0; j < img.length; j++) {
                img[j] = random.nextFloat();
            }
            d.add(img, i % classes);
        }
        return d;
    }

    static float meanLoss(Model model, Dataset data) {
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            sum -= Math.log(model.predict(data.image(i))[data.label(i)]);
        }
        return (float) (sum / data.size());
    }

    private static List<EpochResult> withoutSpeed(List<EpochResult> history) {
        return history.stream().map(e -> new EpochResult(e.epoch(), e.epochs(), e.trainLoss(), e.trainAccuracy(),
                e.valLoss(), e.valAccuracy(), 0)).toList();
    }
}
