package org.teachbox.engine.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.teachbox.engine.Parameter;

/**
 * RMSprop as in Keras: keep a running average of squared gradients, avg = rho * avg +
 * (1 - rho) * g^2, and divide each step by its square root: w = w - lr * g / (sqrt(avg) + eps).
 * Weights whose gradients are large take smaller steps. Defaults (Keras): lr 0.001, rho 0.9,
 * eps 1e-7.
 */
public final class RmsProp implements Optimizer {
    public static final float DEFAULT_RHO = 0.9f;
    public static final float DEFAULT_EPSILON = 1e-7f;

    private final float lr;
    private final float rho;
    private final float epsilon;
    private final float weightDecay;
    private final Map<Parameter, float[]> average = new IdentityHashMap<>();

    public RmsProp() {
        this(0.001f);
    }

    public RmsProp(float lr) {
        this(lr, DEFAULT_RHO, DEFAULT_EPSILON, 0f);
    }

    public RmsProp(float lr, float rho, float epsilon, float weightDecay) {
        this.lr = lr;
        this.rho = rho;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            float[] avg = average.computeIfAbsent(p, key -> new float[key.size()]);
            for (int i = 0; i < p.size(); i++) {
                float g = Optimizer.gradient(p, i, weightDecay);
                avg[i] = rho * avg[i] + (1 - rho) * g * g;
                p.data[i] -= lr * g / ((float) Math.sqrt(avg[i]) + epsilon);
            }
            p.changed();
        }
    }

    @Override public void reset() { average.clear(); }

    @Override public float learningRate() { return lr; }

    @Override public float weightDecay() { return weightDecay; }

    @Override public String toString() { return "RMSprop(lr=" + lr + ", rho=" + rho + ")"; }
}
