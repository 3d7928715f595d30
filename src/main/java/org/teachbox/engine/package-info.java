/**
 * The neural-network engine: tensors as float arrays, layers with forward and backward, losses,
 * optimizers, the {@link org.teachbox.engine.Trainer} and its listeners, serialization and
 * saliency. It is a library inside the app and imports only {@code java.*} and {@code jdk.*}
 * (ArchitectureTest keeps it so), so it can be read, tested and benchmarked alone.
 *
 * <p>Correct before fast: each fast kernel has a plain loop beside it that is its oracle.
 * For training that is {@code layers.Reference}; for the pretrained network,
 * {@code pretrained.HwcKernels}. Held-out accuracy against PyTorch on the same pictures is
 * {@code bench/accuracy-vs-torch.sh}; speed against PyTorch is {@code bench/engine-vs-torch.sh}.
 */
package org.teachbox.engine;
