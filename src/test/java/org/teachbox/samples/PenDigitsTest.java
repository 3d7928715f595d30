/*
 * Pen-drawn digits are the only digits a server without fonts can make, so each of the
 * ten must be drawable, visible and recognisable on its own.
 */
package org.teachbox.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PenDigitsTest {

    @Test
    void shouldDrawEveryDigitAsAVisibleStroke() {
        for (int digit = 0; digit <= 9; digit++) {
            BufferedImage image = DigitPainter.paint(digit, Canvas.randomFor(1, "pen", digit, 0), true);

            Pictures.Split split = Pictures.split(image);
            assertThat(split.greyGap()).as("digit %d", digit).isGreaterThan(40);
            assertThat(split.foregroundFraction()).as("digit %d", digit).isBetween(0.02, 0.4);
        }
    }

    @Test
    void shouldTellHeldOutPenDigitsApart() {
        double accuracy = NearestCentroid.heldOutAccuracy(penDigits(12, 1), penDigits(8, 2), Pictures::foregroundBox16);

        assertThat(accuracy).as("chance is 0.1").isGreaterThan(0.6);
    }

    private static SampleSet penDigits(int perClass, long seed) {
        List<SampleClass> classes = new ArrayList<>();
        for (int digit = 0; digit <= 9; digit++) {
            List<BufferedImage> images = new ArrayList<>();
            for (int i = 0; i < perClass; i++) {
                images.add(DigitPainter.paint(digit, Canvas.randomFor(seed, "pen", digit, i), true));
            }
            classes.add(new SampleClass(Integer.toString(digit), images));
        }
        return new SampleSet("pen-digits", classes);
    }
}
