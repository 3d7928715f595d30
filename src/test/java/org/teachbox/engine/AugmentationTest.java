package org.teachbox.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    private static float[] ramp() {
        float[] img = new float[16]; // 1 x 4 x 4, value = x / 4
        for (int i = 0; i < 16; i++) {
            img[i] = (i % 4) / 4f;
        }
        return img;
    }

    @Test
    void noneCopiesTheImageUnchanged() {
        float[] out = new float[16];
        Augmentation.none().apply(ramp(), 1, 4, 4, out, 0, new SplittableRandom(1));
        assertThat(out).containsExactly(ramp());
    }

    @Test
    void flipMirrorsEachRow() {
        Augmentation flipOnly = new Augmentation(0, true, 0f, 0f);
        float[] out = new float[16];
        boolean sawFlip = false;
        for (int seed = 0; seed < 20; seed++) {
            flipOnly.apply(ramp(), 1, 4, 4, out, 0, new SplittableRandom(seed));
            if (out[0] == 0.75f) {
                sawFlip = true;
                assertThat(out).startsWith(0.75f, 0.5f, 0.25f, 0f);
            } else {
                assertThat(out).containsExactly(ramp());
            }
        }
        assertThat(sawFlip).isTrue();
    }

    @Test
    void defaultsStayInRangeAndAreRepeatable() {
        Augmentation aug = Augmentation.defaults(true);
        float[] a = new float[16];
        float[] b = new float[16];
        aug.apply(ramp(), 1, 4, 4, a, 0, new SplittableRandom(9));
        aug.apply(ramp(), 1, 4, 4, b, 0, new SplittableRandom(9));
        assertThat(a).containsExactly(b);
        for (float v : a) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void shiftsEveryPixelByTheDrawnAmountWithEdgesRepeated() {
        // against the definition, pixel by pixel: out(y, x) = clip((in(y - dy, x' - dx) - mean)
        // * scale + mean + offset) with x' = x or its mirror and coordinates clamped to the image,
        // drawing dx, dy, flip, offset and scale as apply does, for shifts up to and past the width
        SplittableRandom pixels = new SplittableRandom(5);
        int c = 2, h = 5, w = 7;
        float[] img = new float[c * h * w];
        for (int i = 0; i < img.length; i++) {
            img[i] = (float) pixels.nextDouble();
        }
        for (Augmentation aug : new Augmentation[] {new Augmentation(3, true, 0.1f, 0.2f),
                new Augmentation(9, false, 0f, 0f), new Augmentation(2, false, 0.3f, 0.5f)}) {
            for (int seed = 0; seed < 40; seed++) {
                float[] out = new float[3 + img.length];
                aug.apply(img, c, h, w, out, 3, new SplittableRandom(seed));
                SplittableRandom r = new SplittableRandom(seed);
                int dx = r.nextInt(-aug.maxShift(), aug.maxShift() + 1);
                int dy = r.nextInt(-aug.maxShift(), aug.maxShift() + 1);
                boolean flip = aug.horizontalFlip() && r.nextBoolean();
                float offset = aug.brightness() == 0f ? 0f : (float) ((r.nextDouble() * 2 - 1) * aug.brightness());
                float scale = aug.contrast() == 0f ? 1f : (float) (1 + (r.nextDouble() * 2 - 1) * aug.contrast());
                for (int ch = 0; ch < c; ch++) {
                    float mean = 0;
                    if (scale != 1f) {
                        for (int i = 0; i < h * w; i++) {
                            mean += img[ch * h * w + i];
                        }
                        mean /= h * w;
                    }
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            int sy = Math.min(h - 1, Math.max(0, y - dy));
                            int sx = Math.min(w - 1, Math.max(0, (flip ? w - 1 - x : x) - dx));
                            float v = (img[(ch * h + sy) * w + sx] - mean) * scale + mean + offset;
                            assertThat(out[3 + (ch * h + y) * w + x]).as("seed %d (%d, %d, %d)", seed, ch, y, x)
                                    .isEqualTo(Math.min(1f, Math.max(0f, v)));
                        }
                    }
                }
            }
        }
    }

    @Test
    void clippingToAShiftedRangeCommutesWithTheShift() {
        // aug_[lo-s, hi-s](x - s) = aug_[lo, hi](x) - s: shift, flip and contrast move with the
        // values, brightness adds to them, and the clip moves along with the range
        SplittableRandom pixels = new SplittableRandom(3);
        float[] img = new float[3 * 8 * 8];
        for (int i = 0; i < img.length; i++) {
            img[i] = (float) pixels.nextDouble();
        }
        float[] centred = img.clone();
        for (int i = 0; i < centred.length; i++) {
            centred[i] -= 0.5f;
        }
        Augmentation aug = Augmentation.defaults(true);
        Augmentation centredAug = aug.clippedTo(-0.5f, 0.5f);
        for (int seed = 0; seed < 30; seed++) {
            float[] a = new float[img.length];
            float[] b = new float[img.length];
            aug.apply(img, 3, 8, 8, a, 0, new SplittableRandom(seed));
            centredAug.apply(centred, 3, 8, 8, b, 0, new SplittableRandom(seed));
            for (int i = 0; i < a.length; i++) {
                assertThat(b[i]).as("seed %d, pixel %d", seed, i).isCloseTo(a[i] - 0.5f, within(1e-6f));
            }
        }
    }

    @Test
    void darkPixelsOfCentredInputsStayBelowZero() {
        // a dark grey picture (0.1) centred is -0.4 everywhere; at most 0.1 brightness and a
        // contrast change of a flat picture keep it near -0.4, never at the old clip of 0
        float[] dark = new float[16];
        Arrays.fill(dark, -0.4f);
        Augmentation aug = Augmentation.defaults(true).clippedTo(-0.5f, 0.5f);
        for (int seed = 0; seed < 30; seed++) {
            float[] out = new float[16];
            aug.apply(dark, 1, 4, 4, out, 0, new SplittableRandom(seed));
            for (float v : out) {
                assertThat(v).isBetween(-0.5f, -0.3f);
            }
        }
    }

    @Test
    void rejectsAnEmptyRange() {
        assertThatThrownBy(() -> Augmentation.none().clippedTo(1f, 1f))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
