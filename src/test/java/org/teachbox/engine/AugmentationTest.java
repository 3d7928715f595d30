package org.teachbox.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
}
