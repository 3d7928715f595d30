package org.teachbox.engine;

/** The ready-made networks the app offers. */
public final class Presets {
    private Presets() {}

    /**
     * RefCNN, the default image model (64 x 64 x 3 in the app) and the benchmark network:
     * three blocks of conv3x3 (16, 32, 64 filters) + ReLU + 2x2 max-pool, then dense 64 + ReLU
     * and dense numClasses. It matches ../shared/bench/torch_ref.py layer for layer.
     */
    public static Model refCnn(int numClasses, int size, int channels, long seed) {
        return Model.builder(channels, size, size)
                .conv2d(16, 3).relu().maxPool(2)
                .conv2d(32, 3).relu().maxPool(2)
                .conv2d(64, 3).relu().maxPool(2)
                .flatten()
                .dense(64).relu()
                .dense(numClasses)
                .build(seed);
    }

    /** A small multi-layer perceptron for the digits lesson (28 x 28 x 1): inputs -> 128 -> 64 -> k. */
    public static Model mlp(int numClasses, int size, int channels, long seed) {
        return Model.builder(channels, size, size)
                .flatten()
                .dense(128).relu()
                .dense(64).relu()
                .dense(numClasses)
                .build(seed);
    }

    /**
     * Teachable Machine's head on top of a frozen backbone: the picture's embedding (for
     * MobileNetV2 1280 numbers) -> dense 100 + ReLU -> dense numClasses. Only this is trained.
     */
    public static Model transferHead(int numClasses, int embeddingSize, long seed) {
        return Model.builder(embeddingSize, 1, 1)
                .dense(100).relu()
                .dense(numClasses)
                .build(seed);
    }
}
