package org.teachbox.engine;

/** The shape of one image travelling through the network: channels x height x width (no batch). */
public record Shape(int c, int h, int w) {
    public Shape {
        if (c <= 0 || h <= 0 || w <= 0) {
            throw new IllegalArgumentException("shape must be positive: " + c + "x" + h + "x" + w);
        }
    }

    public int size() {
        return c * h * w;
    }

    /** Keras-style shape for summaries: a flat vector prints as [units], an image as [c, h, w]. */
    public int[] toArray() {
        return h == 1 && w == 1 ? new int[] {c} : new int[] {c, h, w};
    }
}
