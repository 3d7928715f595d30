package org.teachbox.engine.layers;

import org.teachbox.engine.Shape;

/** The activation 1 / (1 + e^-x), squashing any number into (0, 1). Its slope is y * (1 - y). */
public final class Sigmoid extends Activation {

    public Sigmoid(Shape shape) {
        super(shape);
    }

    @Override public String name() { return "sigmoid"; }

    @Override protected float apply(float x) { return 1f / (1f + (float) Math.exp(-x)); }

    @Override protected float slope(float x, float y) { return y * (1f - y); }

    @Override public Layer replica() { return new Sigmoid(inputShape()); }
}
