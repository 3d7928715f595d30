package org.teachbox.engine;

/**
 * One row of {@link Model#summary()}, as in Keras' model.summary(): the layer's name, the shape
 * of one output (without the batch dimension: [c, h, w] for images, [units] for vectors) and
 * its number of learnable numbers.
 */
public record LayerSummary(String name, int[] outputShape, long parameters) {}
