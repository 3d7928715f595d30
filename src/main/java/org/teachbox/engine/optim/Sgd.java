package org.teachbox.engine.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.teachbox.engine.Parameter;

/**
 * Stochastic gradient descent, optionally with momentum, exactly as Keras' SGD:
 * velocity = momentum * velocity - lr * g, then w = w + velocity. With momentum 0 this is the
 * plain step w = w - lr * g. Keras' default learning rate is 0.01.
 */
public final class Sgd implements Optimizer {
    private final float lr;
    private final float momentum;
    private final float weightDecay;
    private final Map<Parameter, float[]> velocity = new IdentityHashMap<>();

    public Sgd(float lr) {
        this(lr, 0f);
    }

    public Sgd(float lr, float momentum) {
        this(lr, momentum, 0f);
    }

    public Sgd(float lr, float momentum, float weightDecay) {
        this.lr = lr;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            float[] v = velocity.computeIfAbsent(p, key -> new float[key.size()]);
            for (int i = 0; i < p.size(); i++) {
                v[i] = momentum * v[i] - lr * Optimizer.gradient(p, i, weightDecay);
                p.data[i] += v[i];
            }
            p.changed();
        }
    }

    @Override public void reset() { velocity.clear(); }

    @Override public float learningRate() { return lr; }

    @Override public float weightDecay() { return weightDecay; }

    public float momentum() { return momentum; }

    @Override public String toString() { return "SGD(lr=" + lr + ", momentum=" + momentum + ")"; }
}
