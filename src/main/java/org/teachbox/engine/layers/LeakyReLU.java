package org.teachbox.engine.layers;

import org.teachbox.engine.Shape;

/**
 * The activation x for x > 0 and alpha * x otherwise (alpha = 0.01 by default). Unlike ReLU its
 * slope never becomes exactly zero, so a unit that went negative can still recover.
 */
public final class LeakyReLU extends Activation {
    public static final float DEFAULT_ALPHA = 0.01f;
    private final float alpha;

    public LeakyReLU(Shape shape, float alpha) {
        super(shape);
        this.alpha = alpha;
    }

    public float alpha() { return alpha; }

    @Override public String name() { return "leaky_relu"; }

    @Override protected float apply(float x) { return x > 0f ? x : alpha * x; }

    @Override protected float slope(float x, float y) { return x > 0f ? 1f : alpha; }

    @Override public Layer replica() { return new LeakyReLU(inputShape(), alpha); }
}
