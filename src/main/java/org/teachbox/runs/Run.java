package org.teachbox.runs;

import java.time.Instant;
import java.util.UUID;

import org.teachbox.training.TrainingReport;
import org.teachbox.training.TrainingSettings;

/**
 * One kept training of a project: what it was asked to do, what it saw and how it went.
 * {@code number} counts a project's runs from 1 and is never reused, so "Run 7" stays run 7
 * when older runs are dropped. {@code name} is the learner's own, or null.
 */
public record Run(UUID id, UUID projectId, int number, String name, RunStatus status, boolean augmented,
                  Instant finishedAt, boolean hasModel, TrainingReport report) {

    public TrainingSettings settings() {
        return report.settings();
    }

    public long dataVersion() {
        return report.dataVersion();
    }

    public boolean hasName() {
        return name != null && !name.isBlank();
    }

    /** Whether its model can be made the project's current one. */
    public boolean canBecomeCurrent() {
        return status == RunStatus.FINISHED && hasModel;
    }
}
