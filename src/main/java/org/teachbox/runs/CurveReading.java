package org.teachbox.runs;

import java.util.List;

import org.teachbox.training.TrainingReport;
import org.teachbox.training.TrainingReport.EpochRow;

/**
 * What a run's curves say, by rules a learner can check by eye on the chart:
 * <ul>
 *   <li><b>best epoch</b>: the most validation pictures right; a lower validation loss breaks
 *   ties (the rule the trainer keeps its weights by);</li>
 *   <li><b>the gap opens</b> (overfitting) at the epoch from which, up to the last epoch and for
 *   at least {@value #STREAK} epochs, validation loss stays more than 10% above its lowest so
 *   far while training loss is below what it was at that lowest point, or training accuracy
 *   stays more than 15 points above validation accuracy. It must last to the end, so a few
 *   unlucky epochs on a few validation pictures, after which validation recovers, are not
 *   called overfitting;</li>
 *   <li><b>the loss rises</b>: after at least three epochs, training loss ends higher than it
 *   was after the first. With a workable learning rate it always falls, so a rising loss is,
 *   like a loss that becomes NaN, a learning rate too big.</li>
 * </ul>
 */
public record CurveReading(int bestEpoch, int gapEpoch, Gap gap, boolean lossRising) {

    public enum Gap { NONE, LOSS, ACCURACY }

    static final int STREAK = 3;
    static final double LOSS_RISE = 0.10;
    static final double ACCURACY_GAP = 0.15;

    public static CurveReading of(List<EpochRow> history) {
        int lossGap = lastingFrom(history, lossParted(history));
        int accuracyGap = lastingFrom(history, accuracyParted(history));
        Gap gap = lossGap == 0 && accuracyGap == 0 ? Gap.NONE
                : accuracyGap == 0 || (lossGap != 0 && lossGap <= accuracyGap) ? Gap.LOSS : Gap.ACCURACY;
        int gapEpoch = gap == Gap.NONE ? 0 : gap == Gap.LOSS ? lossGap : accuracyGap;
        return new CurveReading(best(history), gapEpoch, gap, rising(history));
    }

    /** A diverged run, or one whose loss rose: both ask for a smaller learning rate. */
    public static boolean suggestsSmallerLearningRate(TrainingReport report) {
        return TrainingReport.DIVERGED.equals(report.status()) || of(report.history()).lossRising();
    }

    private static int best(List<EpochRow> history) {
        int best = 0;
        for (EpochRow r : history) {
            if (!Double.isFinite(r.validationAccuracy())) {
                continue;
            }
            EpochRow b = best == 0 ? null : history.get(best - 1);
            if (b == null || r.validationAccuracy() > b.validationAccuracy()
                    || (r.validationAccuracy() == b.validationAccuracy() && r.validationLoss() < b.validationLoss())) {
                best = r.epoch();
            }
        }
        return best;
    }

    private static boolean[] lossParted(List<EpochRow> history) {
        boolean[] parted = new boolean[history.size()];
        int lowest = -1;
        for (int i = 0; i < history.size(); i++) {
            EpochRow r = history.get(i);
            if (lowest >= 0) {
                EpochRow low = history.get(lowest);
                parted[i] = r.validationLoss() > low.validationLoss() * (1 + LOSS_RISE) && r.trainLoss() < low.trainLoss();
            }
            if (Double.isFinite(r.validationLoss()) && (lowest < 0 || r.validationLoss() < history.get(lowest).validationLoss())) {
                lowest = i;
            }
        }
        return parted;
    }

    private static boolean[] accuracyParted(List<EpochRow> history) {
        boolean[] parted = new boolean[history.size()];
        for (int i = 0; i < history.size(); i++) {
            EpochRow r = history.get(i);
            parted[i] = r.trainAccuracy() - r.validationAccuracy() > ACCURACY_GAP;
        }
        return parted;
    }

    /** The epoch (from 1) from which every value up to the last is true, if at least {@link #STREAK}; else 0. */
    private static int lastingFrom(List<EpochRow> history, boolean[] parted) {
        int trailing = 0;
        for (int i = parted.length - 1; i >= 0 && parted[i]; i--) {
            trailing++;
        }
        return trailing >= STREAK ? history.get(parted.length - trailing).epoch() : 0;
    }

    private static boolean rising(List<EpochRow> history) {
        if (history.size() < 3) {
            return false;
        }
        double first = history.getFirst().trainLoss();
        double last = history.getLast().trainLoss();
        return Double.isFinite(first) && (!Double.isFinite(last) || last > first);
    }
}
