package org.teachbox.engine;

/**
 * Occlusion saliency: which parts of the image did the model look at? A grey square (0.5 in
 * every channel) slides over the image; wherever covering the image makes the probability of
 * the target class drop, that region mattered. Each pixel gets the average drop of all patches
 * that covered it; negative drops count as 0 and the map is scaled so its maximum is 1.
 */
public final class Saliency {
    private static final float GREY = 0.5f;
    private static final int CHUNK = 16;

    private Saliency() {}

    /** Returns an H*W map (row-major) in [0, 1]. */
    public static float[] occlusion(Classifier model, float[] chw, int targetClass, int patch, int stride) {
        return occlusion(model, chw, targetClass, patch, stride, GREY);
    }

    /** As above, covering with {@code fill}: the value of a blank pixel in the model's input scale. */
    public static float[] occlusion(Classifier model, float[] chw, int targetClass, int patch, int stride, float fill) {
        Shape shape = model.inputShape();
        int c = shape.c(), h = shape.h(), w = shape.w(), k = model.numClasses();
        if (chw.length != c * h * w || targetClass < 0 || targetClass >= k || patch < 1 || stride < 1) {
            throw new IllegalArgumentException("bad occlusion arguments");
        }
        float base = model.predict(chw)[targetClass];
        int[] ys = positions(h, patch, stride);
        int[] xs = positions(w, patch, stride);
        float[] drop = new float[h * w];
        int[] covered = new int[h * w];
        int total = ys.length * xs.length;
        for (int first = 0; first < total; first += CHUNK) {
            int n = Math.min(CHUNK, total - first);
            float[][] batch = new float[n][];
            for (int i = 0; i < n; i++) {
                int y0 = ys[(first + i) / xs.length], x0 = xs[(first + i) % xs.length];
                float[] hidden = chw.clone();
                for (int ch = 0; ch < c; ch++) {
                    for (int y = y0; y < Math.min(h, y0 + patch); y++) {
                        for (int x = x0; x < Math.min(w, x0 + patch); x++) {
                            hidden[(ch * h + y) * w + x] = fill;
                        }
                    }
                }
                batch[i] = hidden;
            }
            float[][] probs = model.predictAll(batch);
            for (int i = 0; i < n; i++) {
                float d = base - probs[i][targetClass];
                int y0 = ys[(first + i) / xs.length], x0 = xs[(first + i) % xs.length];
                for (int y = y0; y < Math.min(h, y0 + patch); y++) {
                    for (int x = x0; x < Math.min(w, x0 + patch); x++) {
                        drop[y * w + x] += d;
                        covered[y * w + x]++;
                    }
                }
            }
        }
        float max = 0;
        for (int i = 0; i < drop.length; i++) {
            drop[i] = covered[i] == 0 ? 0f : Math.max(0f, drop[i] / covered[i]);
            max = Math.max(max, drop[i]);
        }
        if (max > 0) {
            for (int i = 0; i < drop.length; i++) {
                drop[i] /= max;
            }
        }
        return drop;
    }

    /** Patch origins 0, stride, 2*stride, ... plus a last one flush with the edge, so every pixel is covered. */
    private static int[] positions(int size, int patch, int stride) {
        int last = Math.max(0, size - patch);
        int count = last / stride + 1 + (last % stride == 0 ? 0 : 1);
        int[] p = new int[count];
        for (int i = 0; i < count; i++) {
            p[i] = Math.min(i * stride, last);
        }
        return p;
    }
}
