package org.teachbox.engine;

/** After each mini-batch: where we are (1-based), the batch loss and the speed so far this epoch. */
public record StepProgress(int epoch, int epochs, int step, int steps, float loss, double imagesPerSecond) {}
