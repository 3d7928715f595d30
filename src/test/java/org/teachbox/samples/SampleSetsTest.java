/*
 * The sample projects have the classes and counts the UI promises, the same seed always
 * paints the same pictures, and the pictures are real pictures: not blank, not copies
 * of each other, 128 × 128.
 */
package org.teachbox.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SampleSetsTest {

    static Stream<Arguments> sampleSets() {
        return Stream.of(
                Arguments.of("digits", (BiFunction<Integer, Long, SampleSet>) SampleSets::digits),
                Arguments.of("shapes", (BiFunction<Integer, Long, SampleSet>) SampleSets::shapes),
                Arguments.of("bias-demo", (BiFunction<Integer, Long, SampleSet>) SampleSets::biasDemo));
    }

    @Test
    void shouldMakeTenDigitClassesInOrder() {
        SampleSet digits = SampleSets.digits(3, 1);

        assertThat(digits.key()).isEqualTo("digits");
        assertThat(digits.classes()).extracting(SampleClass::name)
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(digits.classes()).allSatisfy(c -> assertThat(c.images()).hasSize(3));
    }

    @Test
    void shouldMakeCircleSquareAndTriangleForShapesAndTheBiasDemo() {
        assertThat(SampleSets.shapes(4, 1).classes()).extracting(SampleClass::name)
                .containsExactly("circle", "square", "triangle");
        assertThat(SampleSets.biasDemo(4, 1).classes()).extracting(SampleClass::name)
                .containsExactly("circle", "square", "triangle");
        assertThat(SampleSets.biasDemo(4, 1).key()).isEqualTo("bias-demo");
        assertThat(SampleSets.shapes(4, 1).classes()).allSatisfy(c -> assertThat(c.images()).hasSize(4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleSets")
    void shouldPaintTheSamePicturesForTheSameSeed(String name, BiFunction<Integer, Long, SampleSet> generator) {
        List<BufferedImage> first = allImages(generator.apply(2, 42L));
        List<BufferedImage> again = allImages(generator.apply(2, 42L));
        List<BufferedImage> otherSeed = allImages(generator.apply(2, 43L));

        for (int i = 0; i < first.size(); i++) {
            assertThat(pixels(again.get(i))).as("picture %d", i).isEqualTo(pixels(first.get(i)));
            assertThat(pixels(otherSeed.get(i))).as("picture %d", i).isNotEqualTo(pixels(first.get(i)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleSets")
    void shouldKeepTheFirstPicturesWhenMoreAreAskedFor(String name, BiFunction<Integer, Long, SampleSet> generator) {
        SampleSet few = generator.apply(2, 7L);
        SampleSet more = generator.apply(4, 7L);

        for (int c = 0; c < few.classes().size(); c++) {
            for (int i = 0; i < 2; i++) {
                assertThat(pixels(more.classes().get(c).images().get(i)))
                        .isEqualTo(pixels(few.classes().get(c).images().get(i)));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleSets")
    void shouldPaint128SquarePicturesWithAVisibleObject(String name, BiFunction<Integer, Long, SampleSet> generator) {
        for (BufferedImage image : allImages(generator.apply(4, 5L))) {
            assertThat(image.getWidth()).isEqualTo(128);
            assertThat(image.getHeight()).isEqualTo(128);
            Pictures.Split split = Pictures.split(image);
            // Plain noise or a lighting gradient alone splits into halves about 20 grey levels apart.
            assertThat(split.greyGap()).as("grey gap between object and background").isGreaterThan(40);
            assertThat(split.foregroundFraction()).as("part of the picture covered").isBetween(0.01, 0.6);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleSets")
    void shouldPaintDifferentPicturesWithinAClass(String name, BiFunction<Integer, Long, SampleSet> generator) {
        for (SampleClass sampleClass : generator.apply(5, 6L).classes()) {
            List<BufferedImage> images = sampleClass.images();
            for (int i = 0; i < images.size(); i++) {
                for (int j = i + 1; j < images.size(); j++) {
                    assertThat(Pictures.meanAbsoluteDifference(images.get(i), images.get(j)))
                            .as("%s pictures %d and %d", sampleClass.name(), i, j).isGreaterThan(3);
                }
            }
        }
    }

    @Test
    void shouldPaintDarkDigitsOnLightPaper() {
        for (BufferedImage image : allImages(SampleSets.digits(3, 11))) {
            int[] greys = Pictures.sortedGreys(image);
            assertThat(greys[greys.length / 2]).as("median, mostly paper").isGreaterThan(150);
            assertThat(greys[greys.length / 100]).as("darkest 1%%, the ink").isLessThan(110);
        }
    }

    @Test
    void shouldAllowAnEmptySetButNotANegativeCount() {
        assertThat(SampleSets.shapes(0, 1).classes()).allSatisfy(c -> assertThat(c.images()).isEmpty());
        assertThatThrownBy(() -> SampleSets.digits(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNotLetCallersChangeTheLists() {
        SampleSet shapes = SampleSets.shapes(1, 1);

        assertThatThrownBy(() -> shapes.classes().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> shapes.classes().get(0).images().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    static List<BufferedImage> allImages(SampleSet set) {
        return set.classes().stream().flatMap(c -> c.images().stream()).toList();
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
