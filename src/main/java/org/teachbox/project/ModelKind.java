package org.teachbox.project;

/**
 * Which network a project trains.
 * <ul>
 *   <li>{@link #PRETRAINED}, the default: Teachable Machine's recipe. A frozen ImageNet
 *   MobileNetV2 turns each 224×224 photo into 1280 numbers once; only a small head is trained,
 *   which is why a few dozen webcam frames per class are enough.</li>
 *   <li>{@link #IMAGE}: the small CNN learns from scratch at 64×64 colour, to show what a
 *   network learns on its own (and how much data that takes).</li>
 *   <li>{@link #DIGITS}: the tiny multi-layer perceptron on 28×28 grey, like MNIST.</li>
 * </ul>
 * Stored by name, so existing projects keep their kind.
 */
public enum ModelKind {
    PRETRAINED(224, 3),
    IMAGE(64, 3),
    DIGITS(28, 1);

    private final int inputSize;
    private final int channels;

    ModelKind(int inputSize, int channels) {
        this.inputSize = inputSize;
        this.channels = channels;
    }

    public int inputSize() {
        return inputSize;
    }

    public int channels() {
        return channels;
    }

    /** Photos and drawings of things (colour, may be mirrored), as opposed to digits. */
    public boolean isPhoto() {
        return this != DIGITS;
    }
}
