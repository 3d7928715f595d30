package org.teachbox.engine.pretrained;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of a {@link Network}: it reads the outputs of earlier steps and writes one channels-last
 * image of h x w x c floats. A step may stand for several Keras layers (a convolution with the
 * batch normalization and ReLU6 folded into it), so it keeps their names and their parameter
 * count as stored in the file. {@link #run} fills output rows y0..y1 only, so that several threads
 * can share one picture; the rows each thread computes come out the same whoever computes them.
 */
abstract class Op {
    final List<String> layers = new ArrayList<>();
    final String kind;
    int[] inputs;
    final int h;
    final int w;
    final int c;
    long storedParameters;

    Op(String layer, String kind, int[] inputs, int h, int w, int c) {
        this.layers.add(layer);
        this.kind = kind;
        this.inputs = inputs;
        this.h = h;
        this.w = w;
        this.c = c;
    }

    String name() {
        return layers.get(0);
    }

    int size() {
        return h * w * c;
    }

    /** Writes output rows y0 (inclusive) to y1 into out, reading the inputs' whole images. */
    abstract void run(float[][] in, float[] out, int y0, int y1);

    @Override
    public String toString() {
        return kind + " " + layers + " -> " + h + "x" + w + "x" + c;
    }
}
