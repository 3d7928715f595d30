/**
 * Teachable Machine's frozen MobileNetV2, run forward only: {@link org.teachbox.engine.pretrained.TfjsModel}
 * reads a TensorFlow.js layers file (bounded by {@link org.teachbox.engine.pretrained.Json}),
 * {@link org.teachbox.engine.pretrained.NetworkBuilder} turns it into ops with batch norms and
 * paddings folded in, and {@link org.teachbox.engine.pretrained.Backbone} gives a picture its
 * 1280 numbers.
 *
 * <p>The oracle is {@link org.teachbox.engine.pretrained.HwcKernels}, plain channels-last loops;
 * the fast path is {@link org.teachbox.engine.pretrained.HwcVectorKernels} (the Vector API).
 * Embeddings are checked against PyTorch's on committed pictures (BackboneTest) and timed by
 * {@code bench/backbone-vs-torch.sh}.
 */
package org.teachbox.engine.pretrained;
