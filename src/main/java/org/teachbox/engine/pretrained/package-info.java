/**
 * Teachable Machine's frozen MobileNetV2, run forward only: {@link org.teachbox.engine.pretrained.TfjsModel}
 * reads a TensorFlow.js layers file (bounded by {@link org.teachbox.engine.pretrained.Json}),
 * {@link org.teachbox.engine.pretrained.NetworkBuilder} turns it into ops with batch norms and
 * paddings folded in, and {@link org.teachbox.engine.pretrained.Backbone} gives a picture its
 * 1280 numbers.
 *
 * <p>TfjsModel is the one reader of TF.js layers files: the exporter takes the backbone's
 * topology and tensors from it too ({@code export/BackbonePart}), so every bound on those files
 * sits here, in {@link org.teachbox.engine.pretrained.TfjsModel}'s constants and Json's. It is
 * the engine's own reader rather than Jackson with {@code StreamReadConstraints} because the
 * engine imports only {@code java.*} and {@code jdk.*} (ArchitectureTest holds it to that), and
 * one small reader with its bounds beside its loops is easier to audit than a library's settings.
 *
 * <p>The oracle is {@link org.teachbox.engine.pretrained.HwcKernels}, plain channels-last loops;
 * the fast path is {@link org.teachbox.engine.pretrained.HwcVectorKernels} (the Vector API).
 * Embeddings are checked against PyTorch's on committed pictures (BackboneTest) and timed by
 * {@code bench/backbone-vs-torch.sh}.
 */
package org.teachbox.engine.pretrained;
