package org.teachbox.engine.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.teachbox.engine.Parameter;

/**
 * Adam, written as Keras/TF.js write it. Per weight it keeps m, a running mean of gradients
 * (momentum), and v, a running mean of squared gradients (as RMSprop). At step t:
 * <pre>
 *   m = b1 * m + (1 - b1) * g
 *   v = b2 * v + (1 - b2) * g^2
 *   lr_t = lr * sqrt(1 - b2^t) / (1 - b1^t)        (bias correction: m and v start at 0)
 *   w = w - lr_t * m / (sqrt(v) + eps)
 * </pre>
 * Defaults (Keras/TF.js): lr 0.001, b1 0.9, b2 0.999, eps 1e-7.
 */
public final class Adam implements Optimizer {
    public static final float DEFAULT_LR = 0.001f;
    public static final float DEFAULT_BETA1 = 0.9f;
    public static final float DEFAULT_BETA2 = 0.999f;
    public static final float DEFAULT_EPSILON = 1e-7f;

    private final float lr;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final Map<Parameter, float[][]> moments = new IdentityHashMap<>();
    private int t;

    public Adam() {
        this(DEFAULT_LR);
    }

    public Adam(float lr) {
        this(lr, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON, 0f);
    }

    public Adam(float lr, float beta1, float beta2, float epsilon, float weightDecay) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(List<Parameter> parameters) {
        t++;
        float lrT = (float) (lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        for (Parameter p : parameters) {
            float[][] mv = moments.computeIfAbsent(p, key -> new float[][] {new float[key.size()], new float[key.size()]});
            float[] m = mv[0], v = mv[1];
            if (weightDecay != 0f && p.decays) {
                for (int i = 0; i < p.size(); i++) {
                    update(p.data, m, v, i, Optimizer.gradient(p, i, weightDecay), lrT);
                }
            } else {
                // the same update without the decay test in the loop, which lets the JIT run it
                // on vectors: RefCNN has 280,000 weights, updated on one thread between batches
                float[] data = p.data, grad = p.grad;
                float b1 = beta1, b2 = beta2, e = epsilon;
                for (int i = 0; i < data.length; i++) {
                    float g = grad[i];
                    m[i] = b1 * m[i] + (1 - b1) * g;
                    v[i] = b2 * v[i] + (1 - b2) * g * g;
                    data[i] -= lrT * m[i] / ((float) Math.sqrt(v[i]) + e);
                }
            }
            p.changed();
        }
    }

    private void update(float[] data, float[] m, float[] v, int i, float g, float lrT) {
        m[i] = beta1 * m[i] + (1 - beta1) * g;
        v[i] = beta2 * v[i] + (1 - beta2) * g * g;
        data[i] -= lrT * m[i] / ((float) Math.sqrt(v[i]) + epsilon);
    }

    @Override
    public void reset() {
        moments.clear();
        t = 0;
    }

    @Override public float learningRate() { return lr; }

    @Override public float weightDecay() { return weightDecay; }

    @Override public String toString() { return "Adam(lr=" + lr + ")"; }
}
