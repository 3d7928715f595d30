package org.teachbox.engine;

/**
 * A block of floats in NCHW order: N images, each with C channels of H rows of W columns.
 * The element (n, c, y, x) lives at {@code data[((n * c + c) * h + y) * w + x]}. A dense
 * layer's output is simply an image of size units x 1 x 1. There is no per-element object:
 * layers work on the flat array directly, which is what keeps the engine fast.
 */
public final class Tensor {
    public final int n;
    public final int c;
    public final int h;
    public final int w;
    public final float[] data;

    public Tensor(int n, int c, int h, int w) {
        this(n, c, h, w, new float[n * c * h * w]);
    }

    public Tensor(int n, int c, int h, int w, float[] data) {
        if (data.length < n * c * h * w) {
            throw new IllegalArgumentException("data too short for " + n + "x" + c + "x" + h + "x" + w);
        }
        this.n = n;
        this.c = c;
        this.h = h;
        this.w = w;
        this.data = data;
    }

    /** Floats per image: C * H * W. */
    public int sampleSize() {
        return c * h * w;
    }

    /** Floats in the whole batch: N * C * H * W. */
    public int size() {
        return n * c * h * w;
    }

    public boolean hasShape(int n, int c, int h, int w) {
        return this.n == n && this.c == c && this.h == h && this.w == w;
    }

    /**
     * Returns {@code reuse} when it already has the wanted shape, a view of its array when that
     * is big enough, else a fresh tensor. Layers keep their output buffers between calls with
     * this, so a training loop allocates no float arrays once it has seen its largest batch.
     */
    public static Tensor reuse(Tensor reuse, int n, int c, int h, int w) {
        if (reuse != null && reuse.hasShape(n, c, h, w)) {
            return reuse;
        }
        if (reuse != null && reuse.data.length >= n * c * h * w) {
            return new Tensor(n, c, h, w, reuse.data);
        }
        return new Tensor(n, c, h, w);
    }
}
