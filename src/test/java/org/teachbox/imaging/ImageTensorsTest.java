/*
 * The numbers a network sees: the right length, channel planes in the right order, and
 * values between 0 and 1, whether they come from a stored JPEG or a picture in memory.
 */
package org.teachbox.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageTensorsTest {

    @Test
    void shouldLayOutRedGreenAndBluePlanesOneAfterAnother() {
        BufferedImage orange = TestPictures.filled(40, 40, new Color(255, 128, 0));

        float[] chw = ImageTensors.toChw(orange, 8, 3);

        assertThat(chw).hasSize(3 * 8 * 8);
        assertThat(chw[0]).isEqualTo(1f);
        assertThat(chw[63]).isEqualTo(1f);
        assertThat(chw[64]).isCloseTo(128 / 255f, within(1e-6f));
        assertThat(chw[128]).isEqualTo(0f);
        assertThat(chw[191]).isEqualTo(0f);
    }

    @Test
    void shouldUseLuminanceWhenAskedForOneChannel() {
        float[] grey = ImageTensors.toChw(TestPictures.filled(16, 16, new Color(255, 0, 0)), 4, 1);

        assertThat(grey).hasSize(16);
        assertThat(grey[5]).isCloseTo(0.299f, within(1e-4f));
        assertThat(ImageTensors.toChw(TestPictures.filled(16, 16, Color.WHITE), 4, 1)[0]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void shouldKeepRowsInOrderFromTopToBottom() {
        BufferedImage topBlack = TestPictures.filled(32, 32, Color.WHITE);
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 16; y++) {
                topBlack.setRGB(x, y, 0);
            }
        }

        float[] grey = ImageTensors.toChw(topBlack, 4, 1);

        assertThat(grey).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1);
    }

    @Test
    void shouldAverageAreasWhenShrinking() {
        BufferedImage checker = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                checker.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0);
            }
        }

        float[] grey = ImageTensors.toChw(checker, 8, 1);

        for (float value : grey) {
            assertThat(value).isCloseTo(0.5f, within(0.01f));
        }
    }

    @Test
    void shouldCropToTheCentreSquareInsteadOfSquashing() {
        float[] chw = ImageTensors.toChw(TestPictures.markers(300, 100), 10, 3);

        // Red top-left corner: red plane high, blue plane low.
        assertThat(chw[0]).isGreaterThan(0.8f);
        assertThat(chw[200]).isLessThan(0.2f);
        // Left edge half way down is white, not the yellow band outside the centre square.
        assertThat(chw[200 + 50]).isGreaterThan(0.9f);
    }

    @Test
    void shouldEnlargeWhenThePictureIsSmallerThanAsked() {
        float[] chw = ImageTensors.toChw(TestPictures.filled(4, 4, Color.BLUE), 16, 3);

        assertThat(chw).hasSize(3 * 256);
        assertThat(chw[2 * 256 + 100]).isCloseTo(1f, within(1e-6f));
        assertThat(chw[100]).isCloseTo(0f, within(1e-6f));
    }

    @Test
    void shouldReadAStoredImageBackIntoTheSameNumbers() throws Exception {
        StoredImage stored = new ImageIngest(ImageLimits.defaults())
                .ingest("markers.png", TestPictures.encode(TestPictures.markers(128, 128), "png"));

        float[] fromBytes = ImageTensors.toChw(stored.bytes(), 32, 3);
        float[] fromImage = ImageTensors.toChw(TestPictures.decode(stored.bytes()), 32, 3);

        assertThat(fromBytes).containsExactly(fromImage);
        for (float value : fromBytes) {
            assertThat(value).isBetween(0f, 1f);
        }
    }

    @Test
    void shouldRefuseChannelCountsOtherThanOneOrThree() {
        assertThatThrownBy(() -> ImageTensors.toChw(TestPictures.filled(4, 4, Color.RED), 4, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageTensors.toChw(new byte[] {1, 2, 3}, 4, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
