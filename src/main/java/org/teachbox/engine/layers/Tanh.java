package org.teachbox.engine.layers;

import org.teachbox.engine.Shape;

/** The activation tanh(x), squashing any number into (-1, 1). Its slope is 1 - y^2. */
public final class Tanh extends Activation {

    public Tanh(Shape shape) {
        super(shape);
    }

    @Override public String name() { return "tanh"; }

    @Override protected float apply(float x) { return (float) Math.tanh(x); }

    @Override protected float slope(float x, float y) { return 1f - y * y; }

    @Override public Layer replica() { return new Tanh(inputShape()); }
}
