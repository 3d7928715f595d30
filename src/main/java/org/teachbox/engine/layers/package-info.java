/**
 * The layers the small CNN and the MLP are built from. Each has {@code forward(in, training)},
 * {@code backward(gradOut)} right under it, and {@code parameters()}.
 *
 * <p>The oracle is {@link org.teachbox.engine.layers.Reference}: convolution, dense and max-pool
 * as plain loops, forward and backward in the same loop shape. The fast paths compute the same
 * sums rearranged: {@link org.teachbox.engine.layers.Conv2D} on
 * {@link org.teachbox.engine.layers.PaddedConv3x3} (the Vector API) or im2col with
 * {@link org.teachbox.engine.layers.Gemm}, {@link org.teachbox.engine.layers.Dense} on
 * {@link org.teachbox.engine.layers.DenseKernels}, and the fused
 * {@link org.teachbox.engine.layers.ConvReluPool}; the layer tests hold each of them to the
 * oracle, and finite differences check the oracle's gradients.
 */
package org.teachbox.engine.layers;
