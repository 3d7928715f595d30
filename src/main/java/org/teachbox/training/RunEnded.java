package org.teachbox.training;

import java.util.UUID;

import org.teachbox.engine.Model;
import org.teachbox.project.ModelKind;

/**
 * Published (as a Spring event, on the trainer's thread) when a training got as far as training
 * and ended: finished, cancelled or diverged. It is heard before the pages hear the job's last
 * event, so a page that then lists the project's runs finds this one. {@code model} holds the
 * weights the run kept; it is only worth keeping when the run finished.
 */
public record RunEnded(UUID runId, String owner, UUID projectId, Purpose purpose, ModelKind kind, Model model,
                       TrainingReport report) {

    public boolean finished() {
        return TrainingReport.COMPLETED.equals(report.status());
    }
}
