/*
 * A cheap check that the labels are in the pictures: a nearest-centroid classifier,
 * trained on one seed and tested on another, must beat chance by a wide margin. It
 * looks at the foreground cut out and squeezed to 16 × 16, since colours, places and
 * sizes vary on purpose. It must also fail when shown only the background, or a model
 * could pass the lesson by learning colours instead of shapes.
 */
package org.teachbox.samples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeparabilityTest {

    @Test
    void shouldTellHeldOutDigitsApartFromTheirInk() {
        double accuracy = NearestCentroid.heldOutAccuracy(
                SampleSets.digits(12, 1), SampleSets.digits(8, 2), Pictures::foregroundBox16);

        assertThat(accuracy).as("chance is 0.1").isGreaterThan(0.6);
    }

    @Test
    void shouldTellHeldOutShapesApartFromTheirOutline() {
        double accuracy = NearestCentroid.heldOutAccuracy(
                SampleSets.shapes(30, 1), SampleSets.shapes(30, 2), Pictures::foregroundBox16);

        assertThat(accuracy).as("chance is 0.33").isGreaterThan(0.75);
    }

    @Test
    void shouldNotTellShapesApartFromTheBackgroundAlone() {
        double accuracy = NearestCentroid.heldOutAccuracy(
                SampleSets.shapes(30, 1), SampleSets.shapes(30, 2), Pictures::borderColour);

        assertThat(accuracy).as("chance is 0.33").isLessThan(0.5);
    }

    @Test
    void shouldTellBiasDemoShapesApartFromTheirOutline() {
        double accuracy = NearestCentroid.heldOutAccuracy(
                SampleSets.biasDemo(30, 1), SampleSets.biasDemo(30, 2), Pictures::foregroundBox16);

        assertThat(accuracy).as("chance is 0.33").isGreaterThan(0.75);
    }
}
