/*
 * The bias demo starts fair: picture i of every class shares everything but the shape,
 * and its corners stay plain, so when the bias lab stamps a cue there, the cue is the
 * only thing that changed.
 */
package org.teachbox.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class BiasDemoTest {

    private static final int CORNER = SampleSets.BIAS_DEMO_FREE_CORNER;

    @Test
    void shouldGiveEveryClassTheSameCornersPictureByPicture() {
        SampleSet demo = SampleSets.biasDemo(40, 3);

        for (int i = 0; i < 40; i++) {
            BufferedImage circle = demo.classes().get(0).images().get(i);
            for (SampleClass other : demo.classes()) {
                BufferedImage image = other.images().get(i);
                for (int[] corner : new int[][] {{0, 0}, {128 - CORNER, 0}, {0, 128 - CORNER}, {128 - CORNER, 128 - CORNER}}) {
                    assertThat(region(image, corner[0], corner[1]))
                            .as("%s %d, corner at (%d, %d)", other.name(), i, corner[0], corner[1])
                            .isEqualTo(region(circle, corner[0], corner[1]));
                }
            }
        }
    }

    @Test
    void shouldDifferBetweenClassesOnlyInTheShape() {
        SampleSet demo = SampleSets.biasDemo(10, 4);

        for (int i = 0; i < 10; i++) {
            BufferedImage circle = demo.classes().get(0).images().get(i);
            BufferedImage triangle = demo.classes().get(2).images().get(i);
            double changed = Pictures.fractionOfPixelsThatDiffer(circle, triangle);
            assertThat(changed).as("picture %d", i).isBetween(0.02, 0.35);
        }
    }

    private static int[] region(BufferedImage image, int x, int y) {
        return image.getRGB(x, y, CORNER, CORNER, null, 0, CORNER);
    }
}
