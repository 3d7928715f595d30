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
 *   far while training loss is below what it was at that lowest point and validation accuracy
 *   ends at least 3 points below its best (a validation loss that creeps up while accuracy stays
 *   flat is only the model growing surer of what it already gets right), or training accuracy
 *   stays more than 15 points above validation accuracy. It must last to the end, so a few
 *   unlucky epochs on a few validation pictures, after which validation recovers, are not
 *   called overfitting;</li>
 *   <li><b>the loss rises</b>: after at least three epochs, training loss ends higher than it
 *   was after the first. With a workable learning rate it always falls, so a rising loss is,
 *   like a loss that becomes NaN, a learning rate too big.</li>
 *   <li><b>nothing was learned</b>: after at least five epochs the model still does no better than
 *   guessing on its own training pictures (training accuracy within 10 points of chance, and a
 *   training loss still at or above 90% of what guessing costs, ln of the number of classes).
 *   Training pictures can always be learned by heart, so that too is a step size that throws
 *   every adjustment away, even when a first-epoch spike makes the loss look as if it fell;</li>
 *   <li><b>the loss jumps</b>: training loss ends more than three times above its lowest, or
 *   doubles from one epoch to the next at least three times (each time above 0.5): the steps
 *   overshoot back and forth;</li>
 *   <li><b>the loss spikes</b>: some epoch's training loss is more than ten times what guessing
 *   costs. Even a run that then recovers took steps so big that it was luck.</li>
 * </ul>
 */
public record CurveReading(int bestEpoch, int gapEpoch, Gap gap, boolean lossRising) {

    public enum Gap { NONE, LOSS, ACCURACY }

    static final int STREAK = 3;
    static final double LOSS_RISE = 0.10;
    static final double ACCURACY_GAP = 0.15;

    public static CurveReading of(List<EpochRow> history) {
        int lossGap = accuracyFell(history) ? lastingFrom(history, lossParted(history)) : 0;
        int accuracyGap = lastingFrom(history, accuracyParted(history));
        Gap gap = lossGap == 0 && accuracyGap == 0 ? Gap.NONE
                : accuracyGap == 0 || (lossGap != 0 && lossGap <= accuracyGap) ? Gap.LOSS : Gap.ACCURACY;
        int gapEpoch = gap == Gap.NONE ? 0 : gap == Gap.LOSS ? lossGap : accuracyGap;
        return new CurveReading(best(history), gapEpoch, gap, rising(history));
    }

    /** Why a run asks for a smaller learning rate, if it does. */
    public enum StepSign { NONE, NAN, RISING, NOTHING_LEARNED, JUMPING, SPIKE }

    /** A diverged run, or one whose loss rose, learned nothing or jumped: all ask for a smaller learning rate. */
    public static boolean suggestsSmallerLearningRate(TrainingReport report) {
        return stepSign(report) != StepSign.NONE;
    }

    public static StepSign stepSign(TrainingReport report) {
        List<EpochRow> history = report.history();
        if (TrainingReport.DIVERGED.equals(report.status())) {
            return StepSign.NAN;
        }
        if (rising(history)) {
            return StepSign.RISING;
        }
        if (nothingLearned(history, report.classNames().size())) {
            return StepSign.NOTHING_LEARNED;
        }
        if (jumping(history)) {
            return StepSign.JUMPING;
        }
        return peakLoss(history) > SPIKE * guessingLoss(report) ? StepSign.SPIKE : StepSign.NONE;
    }

    static final double SPIKE = 10.0;

    /** The training loss of a model that only guesses: ln of the number of classes. */
    public static double guessingLoss(TrainingReport report) {
        return Math.log(Math.max(2, report.classNames().size()));
    }

    /** The highest training loss of any epoch (infinite when one was not a number). */
    public static double peakLoss(List<EpochRow> history) {
        double peak = 0;
        for (EpochRow r : history) {
            peak = Double.isFinite(r.trainLoss()) ? Math.max(peak, r.trainLoss()) : Double.POSITIVE_INFINITY;
        }
        return peak;
    }

    static final int LEARNING_EPOCHS = 5;
    static final double NEAR_CHANCE = 0.10;
    static final double JUMP = 2.0;
    static final double FAR_ABOVE_LOWEST = 3.0;
    static final double NOTICEABLE_LOSS = 0.5;

    private static boolean nothingLearned(List<EpochRow> history, int classes) {
        if (history.size() < LEARNING_EPOCHS || classes < 2) {
            return false;
        }
        EpochRow last = history.getLast();
        double chance = 1.0 / classes;
        return last.trainAccuracy() < chance + NEAR_CHANCE && !(last.trainLoss() < 0.9 * Math.log(classes));
    }

    private static boolean jumping(List<EpochRow> history) {
        if (history.size() < 3) {
            return false;
        }
        double lowest = Double.POSITIVE_INFINITY;
        int jumps = 0;
        for (int i = 0; i < history.size(); i++) {
            double loss = history.get(i).trainLoss();
            if (i > 0 && loss > JUMP * history.get(i - 1).trainLoss() && loss > NOTICEABLE_LOSS) {
                jumps++;
            }
            lowest = Math.min(lowest, loss);
        }
        double last = history.getLast().trainLoss();
        return jumps >= 3 || (last > FAR_ABOVE_LOWEST * lowest && last > NOTICEABLE_LOSS);
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

    static final double ACCURACY_FALL = 0.03;

    /** Validation accuracy at the end is at least {@value #ACCURACY_FALL} below its best. */
    private static boolean accuracyFell(List<EpochRow> history) {
        if (history.isEmpty()) {
            return false;
        }
        double best = history.stream().mapToDouble(EpochRow::validationAccuracy).filter(Double::isFinite).max().orElse(0);
        return history.getLast().validationAccuracy() <= best - ACCURACY_FALL + 1e-9;
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
