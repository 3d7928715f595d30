package org.teachbox.engine;

/**
 * A learnable array and its gradient, travelling together as in micrograd. Optimizers read
 * {@code grad} and update {@code data}. When training runs in parallel, each worker gets a
 * {@link #replica()} that shares {@code data} but owns its own {@code grad}; the trainer adds
 * the workers' gradients back into the master's in a fixed order.
 */
public final class Parameter {
    public final String name;
    public final float[] data;
    public final float[] grad;
    /** Whether L2 weight decay applies: true for weights, false for biases. */
    public final boolean decays;

    public Parameter(String name, int size, boolean decays) {
        this(name, new float[size], new float[size], decays);
    }

    private Parameter(String name, float[] data, float[] grad, boolean decays) {
        this.name = name;
        this.data = data;
        this.grad = grad;
        this.decays = decays;
    }

    public int size() {
        return data.length;
    }

    public void zeroGrad() {
        java.util.Arrays.fill(grad, 0f);
    }

    /** Same weights, separate gradient: what a parallel worker needs. */
    public Parameter replica() {
        return new Parameter(name, data, new float[data.length], decays);
    }
}
