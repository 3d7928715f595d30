package org.teachbox.bias;

import java.time.Instant;
import java.util.UUID;

import org.teachbox.training.Purpose;
import org.teachbox.training.TestResult;
import org.teachbox.training.TrainingReport;

/**
 * One stored lab run. {@code test} is how its model did on the lab project's own test pictures
 * (null when that project has none); for the lab's own runs it equals {@code report.test()}, for a
 * skewed collection it is the only fair judgement, since the model trained on another project.
 * Its class order is the lab project's.
 */
public record LabRun(UUID id, UUID projectId, Purpose purpose, LabExperiment experiment, LabRecipe recipe,
                     TrainingReport report, TestResult test, Instant finishedAt) {
}
