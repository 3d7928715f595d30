package org.teachbox.engine.layers;

import org.teachbox.engine.Shape;

/** The activation max(0, x). Its slope is 1 where x > 0 and 0 elsewhere. */
public final class ReLU extends Activation {

    public ReLU(Shape shape) {
        super(shape);
    }

    @Override public String name() { return "relu"; }

    @Override protected float apply(float x) { return x > 0f ? x : 0f; }

    @Override protected float slope(float x, float y) { return x > 0f ? 1f : 0f; }

    @Override public Layer replica() { return new ReLU(inputShape()); }
}
