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

    public static List<Line> imbalance(RunSummary fair, RunSummary skewed, RunSummary mitigated, String mitigationName) {
        List<Line> lines = new ArrayList<>();
        int c = skewed.mostOverPredicted();
        String name = skewed.classNames().get(c);
        double gap = skewed.predictedShare()[c] - skewed.trueShare()[c];
        if (gap < NOTICEABLE) {
            lines.add(new Line("bias.conclusion.no-skew", List.of(pct(skewed.accuracy()), pct(fair.accuracy()))));
        } else {
            lines.add(new Line("bias.conclusion.skew",
                    List.of(pct(skewed.predictedShare()[c]), name, pct(skewed.trueShare()[c]))));
        }
        lines.add(new Line("bias.conclusion.accuracy", List.of(pct(fair.accuracy()), pct(skewed.accuracy()))));
        if (mitigated != null && gap >= NOTICEABLE) {
            double after = mitigated.predictedShare()[c];
            boolean helped = (skewed.predictedShare()[c] - after) >= gap / 3;
            lines.add(new Line(helped ? "bias.conclusion.mitigated" : "bias.conclusion.mitigation-weak",
                    List.of(mitigationName, name, pct(skewed.predictedShare()[c]), pct(after), pct(mitigated.trueShare()[c]))));
        }
        return lines;
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

    static long pct(double share) {
        return Math.round(100 * share);
    }
}
