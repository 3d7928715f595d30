package org.teachbox.runs;

import org.teachbox.training.TrainingReport;

/** How a kept run ended. Only a finished run keeps a model that can become the current one. */
public enum RunStatus {
    FINISHED, CANCELLED, DIVERGED;

    static RunStatus of(String reportStatus) {
        return switch (reportStatus) {
            case TrainingReport.COMPLETED -> FINISHED;
            case TrainingReport.DIVERGED -> DIVERGED;
            default -> CANCELLED;
        };
    }
}
