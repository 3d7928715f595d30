package org.teachbox.classroom;

import java.util.List;
import java.util.UUID;

/**
 * One row of the teacher's dashboard: a learner and where each of their projects stands. The
 * dashboard gets these small records, never training jobs or models.
 */
public record LearnerProgress(UUID learnerId, String name, int failedPinTries, List<ProjectProgress> projects) {

    public record ProjectProgress(UUID projectId, String name, List<ClassCount> classes, Training training) {
    }

    public record ClassCount(String name, int pictures) {
    }

    /**
     * The project's training as the teacher needs it: waiting (with its place in line), running
     * (epoch i of n), or how the last run ended (with validation accuracy when it finished).
     */
    public record Training(State state, int queuePosition, int epoch, int epochs, double validationAccuracy) {

        public enum State { NEVER, WAITING, RUNNING, FINISHED, CANCELLED, DIVERGED }

        static Training never() {
            return new Training(State.NEVER, 0, 0, 0, 0);
        }

        public boolean isActive() {
            return state == State.WAITING || state == State.RUNNING;
        }
    }
}
