package org.teachbox.engine;

/**
 * A learnable array and its gradient, travelling together as in micrograd. Optimizers read
 * {@code grad} and update {@code data}. When training runs in parallel, each worker gets a
 * {@link #replica()} that shares {@code data} but owns its own {@code grad}; the trainer adds
 * the workers' gradients back into the master's in a fixed order.
 *
 * <p>Whoever writes {@code data} (an optimizer, loading a file) calls {@link #changed()}, so that
 * layers which keep a rearranged copy of the weights for speed know to refresh it.
 */
public final class Parameter {
    public final String name;
    public final float[] data;
    public final float[] grad;
    /** Whether L2 weight decay applies: true for weights, false for biases. */
    public final boolean decays;

    public Parameter(String name, int size, boolean decays) {
        this(name, new float[size], new float[size], decays, new int[1]);
    }

    private Parameter(String name, float[] data, float[] grad, boolean decays, int[] version) {
        this.name = name;
        this.data = data;
        this.grad = grad;
        this.decays = decays;
        this.version = version;
    }

    private final int[] version; // shared with replicas: one counter per weight array

    public int size() {
        return data.length;
    }

    public void zeroGrad() {
        java.util.Arrays.fill(grad, 0f);
    }

    /** Records that {@code data} was written. */
    public void changed() {
        synchronized (version) {
            version[0]++;
        }
    }

    /** Increases every time {@link #changed()} is called. */
    public int version() {
        synchronized (version) {
            return version[0];
        }
    }

    /** Same weights, separate gradient: what a parallel worker needs. */
    public Parameter replica() {
        return new Parameter(name, data, new float[data.length], decays, version);
    }
}
