package org.teachbox.engine.optim;

import java.util.List;
import org.teachbox.engine.Parameter;

/**
 * Turns gradients into weight updates. Each optimizer is its own class and keeps its own state
 * per parameter (momentum, running averages), as in Keras. The trainer calls {@link #reset()}
 * when a new training run starts and {@link #step} once per mini-batch, after the gradients of
 * the whole batch have been added up.
 */
public interface Optimizer {

    /** Updates every parameter's {@code data} from its {@code grad}. */
    void step(List<Parameter> parameters);

    /** Forgets all per-parameter state, so the next {@link #step} is step 1 again. */
    void reset();

    float learningRate();

    /** L2 weight decay: {@code decay * w} is added to the gradient of each weight (not biases). 0 = off. */
    float weightDecay();

    /** Shared helper: the gradient each optimizer works with, including the L2 term. */
    static float gradient(Parameter p, int i, float weightDecay) {
        return weightDecay != 0f && p.decays ? p.grad[i] + weightDecay * p.data[i] : p.grad[i];
    }
}
