package org.teachbox.engine;

/** Receives progress from {@link Trainer#fit}, on the trainer's thread. Both methods are optional. */
public interface TrainingListener {
    default void onStep(StepProgress p) {}

    default void onEpoch(EpochResult e) {}
}
