package org.teachbox.training;

import java.util.List;
import java.util.UUID;


/** What a training job tells the pages watching it, from the queue to the end. */
public sealed interface TrainingEvent {

    UUID jobId();

    Purpose purpose();

    /** Waiting: {@code position} 1 is next; {@code startsInSeconds} is the queue's estimate. */
    /** @param passedBy how many quick trainings have gone ahead of this one (at most FairQueue.MAX_PASSED) */
    record Queued(UUID jobId, Purpose purpose, int position, long startsInSeconds, int passedBy) implements TrainingEvent {
    }

    /** The pretrained network is reading pictures it has not seen before (once per picture). */
    record Preparing(UUID jobId, Purpose purpose, int done, int total) implements TrainingEvent {
    }

    record Started(UUID jobId, Purpose purpose, int epochs, int stepsPerEpoch, List<TrainingReport.ClassSplit> split)
            implements TrainingEvent {
    }

    record Step(UUID jobId, Purpose purpose, int epoch, int epochs, int step, int steps, double imagesPerSecond,
                long etaSeconds) implements TrainingEvent {
    }

    record Epoch(UUID jobId, Purpose purpose, EpochProgress result) implements TrainingEvent {
    }

    record Finished(UUID jobId, Purpose purpose, TrainingReport report) implements TrainingEvent {
    }

    record Failed(UUID jobId, Purpose purpose, String messageKey, List<Object> args) implements TrainingEvent {
    }
}
