package org.teachbox.bias;

import org.teachbox.project.ModelKind;
import org.teachbox.training.DataRecipe;

/**
 * What the learner chose to do to the data: drop most of one class (imbalance) or stamp a cue
 * on one class (shortcut). Mitigation applies to the imbalance experiment.
 */
public record Experiment(Kind kind, int classIndex, double keepFraction, Cue cue, boolean cueOnOtherValidation) {

    public enum Kind { IMBALANCE, SHORTCUT }

    public static Experiment imbalance(int classIndex, double keepFraction) {
        return new Experiment(Kind.IMBALANCE, classIndex, keepFraction, Cue.CORNER_PATCH, false);
    }

    public static Experiment shortcut(int classIndex, Cue cue, boolean cueOnOtherValidation) {
        return new Experiment(Kind.SHORTCUT, classIndex, 1.0, cue, cueOnOtherValidation);
    }

    DataRecipe skewed(ModelKind kind) {
        return switch (this.kind) {
            case IMBALANCE -> new ImbalanceRecipe(classIndex, keepFraction, null);
            case SHORTCUT -> new ShortcutRecipe(classIndex, cue, cueOnOtherValidation, kind.channels(), kind.inputSize());
        };
    }

    DataRecipe mitigated(Mitigation mitigation) {
        return new ImbalanceRecipe(classIndex, keepFraction, mitigation);
    }
}
