package org.teachbox.runs;

import org.teachbox.training.TrainingReport;

/** How a kept run ended. Only a finished run keeps a model that can become the current one. */
public enum RunStatus {
    FINISHED, CANCELLED, DIVERGED;

    static RunStatus of(TrainingReport.Status reportStatus) {
        return switch (reportStatus) {
            case COMPLETED -> FINISHED;
            case DIVERGED -> DIVERGED;
            case CANCELLED -> CANCELLED;
        };
    }
}
