package org.teachbox.engine;

/**
 * One line of a network's architecture, before any weights exist: what {@link Model.Builder}
 * records and what {@link ModelFile} stores. Unused fields are 0.
 */
record LayerSpec(Kind kind, int units, int kernel, int stride, int padding, float rate) {

    enum Kind { CONV2D, MAX_POOL2D, DENSE, FLATTEN, GLOBAL_AVERAGE_POOL, DROPOUT, RELU, LEAKY_RELU, SIGMOID, TANH }

    static LayerSpec of(Kind kind) {
        return new LayerSpec(kind, 0, 0, 0, 0, 0f);
    }

    boolean isReluFamily() {
        return kind == Kind.RELU || kind == Kind.LEAKY_RELU;
    }
}
