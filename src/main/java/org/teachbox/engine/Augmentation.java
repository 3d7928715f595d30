package org.teachbox.engine;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random changes applied to each training image every time it is used, so a small class set
 * looks bigger and the model learns the object rather than its exact pixels:
 * <ul>
 *   <li>shift by up to {@code maxShift} pixels in x and y (edges repeat their border pixels);</li>
 *   <li>mirror left-right with probability 1/2 if {@code horizontalFlip} (off for digits);</li>
 *   <li>brightness: add a random offset in [-brightness, brightness];</li>
 *   <li>contrast: scale around the image mean by a factor in [1 - contrast, 1 + contrast].</li>
 * </ul>
 * Results are clipped to [{@code low}, {@code high}], the range the model's inputs live in:
 * [0, 1] by default, [-0.5, 0.5] for inputs centred around zero. Clipping to any other range
 * than the one validation and prediction inputs use would teach the model on different numbers
 * than it is judged on (clipping centred inputs at 0 turns every dark pixel black). With the
 * range shifted along with the inputs, augmenting then shifting equals shifting then augmenting.
 * Validation images are never augmented.
 */
public record Augmentation(int maxShift, boolean horizontalFlip, float brightness, float contrast,
                           float low, float high) {

    public Augmentation {
        if (maxShift < 0 || brightness < 0 || contrast < 0 || contrast >= 1 || !(low < high)) {
            throw new IllegalArgumentException("invalid augmentation " + maxShift + ", " + brightness + ", " + contrast
                    + ", range " + low + ".." + high);
        }
    }

    /** For inputs in [0, 1]. */
    public Augmentation(int maxShift, boolean horizontalFlip, float brightness, float contrast) {
        this(maxShift, horizontalFlip, brightness, contrast, 0f, 1f);
    }

    /** The same changes, clipped to the inputs' range [low, high] instead. */
    public Augmentation clippedTo(float low, float high) {
        return new Augmentation(maxShift, horizontalFlip, brightness, contrast, low, high);
    }

    public static Augmentation none() {
        return new Augmentation(0, false, 0f, 0f);
    }

    /** On by default: shifts of up to 4 pixels, +-0.1 brightness, +-10% contrast, inputs in [0, 1]. */
    public static Augmentation defaults(boolean horizontalFlip) {
        return new Augmentation(4, horizontalFlip, 0.1f, 0.1f);
    }

    public boolean isNone() {
        return maxShift == 0 && !horizontalFlip && brightness == 0f && contrast == 0f;
    }

    /** Writes an augmented copy of {@code src} (c x h x w) into {@code dst} at {@code dstOff}. */
    public void apply(float[] src, int c, int h, int w, float[] dst, int dstOff, SplittableRandom random) {
        if (isNone()) {
            System.arraycopy(src, 0, dst, dstOff, c * h * w);
            return;
        }
        int dx = maxShift == 0 ? 0 : random.nextInt(-maxShift, maxShift + 1);
        int dy = maxShift == 0 ? 0 : random.nextInt(-maxShift, maxShift + 1);
        boolean flip = horizontalFlip && random.nextBoolean();
        float offset = brightness == 0f ? 0f : (float) ((random.nextDouble() * 2 - 1) * brightness);
        float scale = contrast == 0f ? 1f : (float) (1 + (random.nextDouble() * 2 - 1) * contrast);
        for (int ch = 0; ch < c; ch++) {
            int plane = ch * h * w;
            float mean = 0;
            if (scale != 1f) {
                for (int i = 0; i < h * w; i++) {
                    mean += src[plane + i];
                }
                mean /= h * w;
            }
            for (int y = 0; y < h; y++) {
                int sy = Math.min(h - 1, Math.max(0, y - dy));
                int from = plane + sy * w, to = dstOff + plane + y * w;
                // first the moved (and maybe mirrored) row, then brightness and contrast over it
                // in one simple loop that the JIT turns into vector instructions
                if (flip) {
                    for (int x = 0; x < w; x++) {
                        dst[to + x] = src[from + Math.min(w - 1, Math.max(0, w - 1 - x - dx))];
                    }
                } else {
                    // x - dx is inside the row for x in [first, end); outside, the edge pixel repeats
                    int first = Math.min(w, Math.max(0, dx)), end = Math.max(first, Math.min(w, w + dx));
                    Arrays.fill(dst, to, to + first, src[from]);
                    if (end > first) {
                        System.arraycopy(src, from + first - dx, dst, to + first, end - first);
                    }
                    Arrays.fill(dst, to + end, to + w, src[from + w - 1]);
                }
                for (int x = to; x < to + w; x++) {
                    float v = (dst[x] - mean) * scale + mean + offset;
                    dst[x] = Math.min(high, Math.max(low, v));
                }
            }
        }
    }
}
