package org.teachbox.bias;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the lab's numbers into plain sentences (as i18n keys with arguments), including an honest
 * one when a mitigation did not help much.
 */
public final class Conclusion {

    /** Below this gap (in share of all images) we do not call a model skewed. */
    static final double NOTICEABLE = 0.05;

    private Conclusion() {
    }

    public record Line(String key, List<Object> args) {
    }

    /**
     * The verdict on an imbalance experiment. It is about the class that lost its images: how
     * rarely the skewed model still names it, and whether the fix brought its share back toward
     * the truth (closing at least a third of the gap) without costing much accuracy.
     */
    public static List<Line> imbalance(RunSummary fair, RunSummary skewed, RunSummary mitigated, int cutClass,
                                       String mitigationName) {
        List<Line> lines = new ArrayList<>();
        String cut = skewed.classNames().get(cutClass);
        double truth = skewed.trueShare()[cutClass];
        double before = skewed.predictedShare()[cutClass];
        double gap = truth - before;
        if (gap < NOTICEABLE) {
            lines.add(new Line("bias.conclusion.no-skew", List.of(pct(skewed.accuracy()), pct(fair.accuracy()))));
        } else {
            lines.add(new Line("bias.conclusion.cut", List.of(cut, pct(before), pct(truth), pct(fair.predictedShare()[cutClass]))));
            int over = skewed.mostOverPredicted();
            if (skewed.predictedShare()[over] - skewed.trueShare()[over] >= NOTICEABLE) {
                lines.add(new Line("bias.conclusion.skew", List.of(pct(skewed.predictedShare()[over]),
                        skewed.classNames().get(over), pct(skewed.trueShare()[over]))));
            }
        }
        lines.add(new Line("bias.conclusion.accuracy", List.of(pct(fair.accuracy()), pct(skewed.accuracy()))));
        if (mitigated != null && gap >= NOTICEABLE) {
            double after = mitigated.predictedShare()[cutClass];
            boolean helped = mitigationHelped(skewed, mitigated, cutClass);
            lines.add(new Line(helped ? "bias.conclusion.mitigated" : "bias.conclusion.mitigation-weak",
                    List.of(mitigationName, cut, pct(before), pct(after), pct(truth))));
            if (mitigated.accuracy() < skewed.accuracy() - NOTICEABLE) {
                lines.add(new Line("bias.conclusion.mitigation-cost",
                        List.of(pct(mitigated.accuracy()), pct(skewed.accuracy()))));
            }
        }
        return lines;
    }

    /** True when the mitigated run names the cut class at least a third closer to its true share. */
    public static boolean mitigationHelped(RunSummary skewed, RunSummary mitigated, int cutClass) {
        double truth = skewed.trueShare()[cutClass];
        double gap = Math.abs(truth - skewed.predictedShare()[cutClass]);
        return Math.abs(truth - mitigated.predictedShare()[cutClass]) <= gap * 2 / 3;
    }

    public static List<Line> shortcut(RunSummary fair, RunSummary skewed, String cuedClass) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("bias.conclusion.shortcut", List.of(cuedClass, pct(fair.accuracy()), pct(skewed.accuracy()))));
        int c = skewed.mostOverPredicted();
        double gap = skewed.predictedShare()[c] - skewed.trueShare()[c];
        if (gap >= NOTICEABLE) {
            lines.add(new Line("bias.conclusion.skew",
                    List.of(pct(skewed.predictedShare()[c]), skewed.classNames().get(c), pct(skewed.trueShare()[c]))));
        }
        return lines;
    }

    /**
     * The verdict on a skewed collection, from both models' numbers on the lab project's test
     * pictures and the skewed model's own validation accuracy. When both score about the same on
     * the test pictures we say so: the skew did not fool this model.
     */
    public static List<Line> collection(RunSummary fairTest, RunSummary skewedTest, double skewedValidation) {
        List<Line> lines = new ArrayList<>();
        if (skewedTest.accuracy() > fairTest.accuracy() - NOTICEABLE) {
            lines.add(new Line("lab.collection.same", List.of(pct(fairTest.accuracy()), pct(skewedTest.accuracy()))));
            return lines;
        }
        lines.add(new Line("lab.collection.fooled", List.of(pct(skewedValidation), pct(skewedTest.accuracy()),
                pct(fairTest.accuracy()))));
        int c = skewedTest.mostOverPredicted();
        if (skewedTest.predictedShare()[c] - skewedTest.trueShare()[c] >= NOTICEABLE) {
            lines.add(new Line("lab.collection.skew", List.of(pct(skewedTest.predictedShare()[c]),
                    skewedTest.classNames().get(c), pct(skewedTest.trueShare()[c]))));
        }
        return lines;
    }

    static long pct(double share) {
        return Math.round(100 * share);
    }
}
