package org.teachbox.project;

/**
 * Which network a project trains. Photos and drawings of things use the small CNN at 64×64
 * colour; the digits lesson uses the tiny multi-layer perceptron on 28×28 grey, like MNIST.
 */
public enum ModelKind {
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
}
