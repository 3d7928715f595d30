package org.teachbox.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.teachbox.training.TrainingReport.EpochRow;

/** The rules a learner can check on the chart: best epoch, where the curves part, a rising loss. */
class CurveReadingTest {

    @Test
    void validationLossRisingForThreeEpochsWhileTrainingLossFallsIsOverfittingFromTheFirstOfThem() {
        // val loss bottoms out at epoch 4 (0.40), then 0.46, 0.50, 0.55 while train loss keeps falling
        List<EpochRow> h = rows(new double[] {1.0, 0.8, 0.6, 0.5, 0.4, 0.3, 0.2},
                new double[] {1.0, 0.7, 0.5, 0.40, 0.46, 0.50, 0.55},
                new double[] {0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.92},
                new double[] {0.5, 0.6, 0.7, 0.8, 0.78, 0.77, 0.76});
        CurveReading r = CurveReading.of(h);
        assertThat(r.gap()).isEqualTo(CurveReading.Gap.LOSS);
        assertThat(r.gapEpoch()).isEqualTo(5);
        assertThat(r.bestEpoch()).isEqualTo(4);
        assertThat(r.lossRising()).isFalse();
    }

    @Test
    void validationLossCreepingUpWhileValidationAccuracyStaysFlatIsNotOverfitting() {
        // the pretrained kind: training loss to almost 0, validation loss up a little, accuracy flat at 90%
        List<EpochRow> h = rows(new double[] {0.9, 0.3, 0.1, 0.05, 0.03, 0.02, 0.01},
                new double[] {0.5, 0.3, 0.28, 0.31, 0.34, 0.36, 0.38},
                new double[] {0.7, 0.9, 0.97, 0.99, 1.0, 1.0, 1.0},
                new double[] {0.88, 0.9, 0.9, 0.9, 0.89, 0.9, 0.9});
        assertThat(CurveReading.of(h).gap()).isEqualTo(CurveReading.Gap.NONE);
    }

    @Test
    void oneUnluckyEpochIsNotOverfitting() {
        List<EpochRow> h = rows(new double[] {1.0, 0.8, 0.6, 0.5, 0.4, 0.3},
                new double[] {1.0, 0.8, 0.9, 0.6, 0.5, 0.45},
                new double[] {0.5, 0.6, 0.7, 0.8, 0.85, 0.9},
                new double[] {0.5, 0.6, 0.6, 0.75, 0.8, 0.85});
        assertThat(CurveReading.of(h).gap()).isEqualTo(CurveReading.Gap.NONE);
        assertThat(CurveReading.of(h).gapEpoch()).isZero();
    }

    @Test
    void validationThatComesBackDownAfterABadPatchIsNotOverfitting() {
        // val loss 0.5 at epoch 3, then three epochs above 0.55, then lower than ever: still learning
        List<EpochRow> h = rows(new double[] {1.0, 0.8, 0.7, 0.6, 0.55, 0.5, 0.45},
                new double[] {0.9, 0.7, 0.5, 0.6, 0.62, 0.58, 0.45},
                new double[] {0.3, 0.4, 0.5, 0.55, 0.6, 0.62, 0.65},
                new double[] {0.35, 0.45, 0.55, 0.5, 0.52, 0.55, 0.7});
        CurveReading r = CurveReading.of(h);
        assertThat(r.gap()).isEqualTo(CurveReading.Gap.NONE);
        assertThat(r.bestEpoch()).isEqualTo(7);
    }

    @Test
    void trainingAccuracyFarAboveValidationForThreeEpochsIsOverfittingToo() {
        List<EpochRow> h = rows(new double[] {1.0, 0.8, 0.6, 0.5, 0.4},
                new double[] {1.0, 0.9, 0.8, 0.75, 0.74},
                new double[] {0.6, 0.8, 0.95, 0.98, 1.0},
                new double[] {0.55, 0.7, 0.75, 0.8, 0.8});
        CurveReading r = CurveReading.of(h);
        assertThat(r.gap()).isEqualTo(CurveReading.Gap.ACCURACY);
        assertThat(r.gapEpoch()).isEqualTo(3);
        // 0.8 twice: the lower validation loss wins the tie
        assertThat(r.bestEpoch()).isEqualTo(5);
    }

    @Test
    void aTrainingLossThatEndsAboveItsFirstEpochIsALearningRateTooBig() {
        List<EpochRow> h = rows(new double[] {2.0, 3.5, 2.8, 4.1},
                new double[] {2.0, 3.0, 3.0, 4.0},
                new double[] {0.3, 0.3, 0.35, 0.3},
                new double[] {0.3, 0.3, 0.3, 0.3});
        assertThat(CurveReading.of(h).lossRising()).isTrue();
        assertThat(CurveReading.of(h.subList(0, 2)).lossRising()).as("two epochs say too little").isFalse();
    }

    private static List<EpochRow> rows(double[] trainLoss, double[] valLoss, double[] trainAcc, double[] valAcc) {
        List<EpochRow> rows = new ArrayList<>();
        for (int i = 0; i < trainLoss.length; i++) {
            rows.add(new EpochRow(i + 1, trainLoss[i], trainAcc[i], valLoss[i], valAcc[i]));
        }
        return rows;
    }
}
