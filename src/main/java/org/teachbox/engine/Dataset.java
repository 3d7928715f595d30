package org.teachbox.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Labelled images for training or evaluation. Each image is a CHW float array with values in
 * [0, 1]; labels are class indices 0..k-1. {@link #add} keeps its own copy of the image.
 */
public final class Dataset {
    private final Shape shape;
    private final List<float[]> images = new ArrayList<>();
    private int[] labels = new int[16];

    public Dataset(int channels, int height, int width) {
        this.shape = new Shape(channels, height, width);
    }

    public void add(float[] chw, int label) {
        if (chw.length != shape.size()) {
            throw new IllegalArgumentException("expected " + shape.size() + " floats, got " + chw.length);
        }
        if (label < 0) {
            throw new IllegalArgumentException("label must be >= 0: " + label);
        }
        if (images.size() == labels.length) {
            labels = Arrays.copyOf(labels, labels.length * 2);
        }
        labels[images.size()] = label;
        images.add(chw.clone());
    }

    public int size() { return images.size(); }

    /** The stored image itself (not a copy): read it, do not change it. */
    public float[] image(int i) { return images.get(i); }

    public int label(int i) {
        if (i < 0 || i >= images.size()) {
            throw new IndexOutOfBoundsException(i);
        }
        return labels[i];
    }

    public int channels() { return shape.c(); }

    public int height() { return shape.h(); }

    public int width() { return shape.w(); }

    public Shape shape() { return shape; }
}
