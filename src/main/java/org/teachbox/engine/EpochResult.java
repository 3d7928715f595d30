package org.teachbox.engine;

/**
 * After each epoch. Train loss and accuracy are averaged over the epoch's mini-batches (with
 * augmentation on, as Keras reports them); validation loss and accuracy are measured afterwards
 * on un-augmented images, and are NaN when there is no validation set.
 */
public record EpochResult(int epoch, int epochs, float trainLoss, float trainAccuracy, float valLoss,
                          float valAccuracy, double imagesPerSecond) {}
