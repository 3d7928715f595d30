package org.teachbox.bias;

import java.util.List;

import org.teachbox.engine.Classifier;
import org.teachbox.training.TestResult;
import org.teachbox.training.TrainingReport;

/**
 * A lab run as the page shows it. {@code model} is the trained network while this server has it
 * in memory, and null for a run read back after a restart (its numbers are kept, its weights are
 * not: heat maps need the run again). {@code test} is the judgement on the lab project's test
 * pictures, in that project's class order, or null.
 */
public record LabResult(Classifier model, TrainingReport report, TestResult test, LabRecipe recipe) {

    /** The numbers on the validation pictures (taken from the training data). */
    public RunSummary summary() {
        return RunSummary.of(report);
    }

    /** The same numbers on the lab project's test pictures, or null without any. */
    public RunSummary testSummary(List<String> classNames) {
        return test == null || test.count() == 0 ? null : RunSummary.of(classNames, test.confusion());
    }

    public boolean hasModel() {
        return model != null;
    }
}
