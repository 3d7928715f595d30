/*
 * A camera that is held sideways stores the picture sideways plus an EXIF tag saying how
 * to turn it. For each of the eight tags we build the sideways picture the camera would
 * have stored from an upright, wider-than-tall one, and check that the stored copy is
 * upright again and cut to its centre square.
 */
package org.teachbox.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teachbox.imaging.ImageIngestFormatsTest.assertMarkersUpright;

import java.awt.image.BufferedImage;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageIngestOrientationTest {

    private final ImageIngest ingest = new ImageIngest(ImageLimits.defaults());

    static Stream<Arguments> cameraOrientations() {
        return Stream.of(
                Arguments.of(1, "stored upright", UnaryOperator.<BufferedImage>identity()),
                Arguments.of(2, "stored mirrored left to right", (UnaryOperator<BufferedImage>) TestPictures::mirroredLeftRight),
                Arguments.of(3, "stored upside down", (UnaryOperator<BufferedImage>) TestPictures::rotatedHalfTurn),
                Arguments.of(4, "stored mirrored top to bottom", (UnaryOperator<BufferedImage>) TestPictures::mirroredTopBottom),
                Arguments.of(5, "stored transposed", (UnaryOperator<BufferedImage>) TestPictures::transposed),
                Arguments.of(6, "stored turned anticlockwise", (UnaryOperator<BufferedImage>) TestPictures::rotatedAnticlockwise),
                Arguments.of(7, "stored transposed and upside down",
                        (UnaryOperator<BufferedImage>) raw -> TestPictures.rotatedHalfTurn(TestPictures.transposed(raw))),
                Arguments.of(8, "stored turned clockwise", (UnaryOperator<BufferedImage>) TestPictures::rotatedClockwise));
    }

    @ParameterizedTest(name = "orientation {0}: {1}")
    @MethodSource("cameraOrientations")
    void shouldTurnThePictureUprightWhenTheJpegHasAnOrientationTag(int orientation, String how,
            UnaryOperator<BufferedImage> camera) throws Exception {
        BufferedImage upright = TestPictures.markers(240, 160);
        byte[] jpeg = TestPictures.jpegWithOrientation(camera.apply(upright), orientation);

        StoredImage stored = ingest.ingest("photo.jpg", jpeg);

        assertThat(stored.side()).isEqualTo(160);
        assertMarkersUpright(TestPictures.decode(stored.bytes()));
    }

    @Test
    void shouldReadTheOrientationTagThatTheTestWrites() throws Exception {
        byte[] jpeg = TestPictures.jpegWithOrientation(TestPictures.markers(40, 40), 6);

        assertThat(ExifOrientation.read(jpeg)).isEqualTo(6);
    }

    @Test
    void shouldTreatAJpegWithoutExifAsUpright() throws Exception {
        byte[] jpeg = TestPictures.encode(TestPictures.markers(160, 240), "jpeg");

        assertThat(ExifOrientation.read(jpeg)).isEqualTo(1);
        assertMarkersUpright(TestPictures.decode(ingest.ingest("plain.jpg", jpeg).bytes()));
    }

    @Test
    void shouldIgnoreAnOrientationValueOutsideOneToEight() throws Exception {
        byte[] jpeg = TestPictures.jpegWithOrientation(TestPictures.markers(120, 120), 9);

        assertMarkersUpright(TestPictures.decode(ingest.ingest("odd.jpg", jpeg).bytes()));
    }
}
