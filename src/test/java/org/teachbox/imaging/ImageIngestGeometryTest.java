/*
 * What survives cropping and shrinking: the centre square of a wide or tall picture, at
 * no more than the stored side, shrunk with averaging so fine detail turns into its
 * average colour instead of moiré. Small pictures are kept at their own size.
 */
package org.teachbox.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teachbox.imaging.TestPictures.colourAt;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageIngestGeometryTest {

    private final ImageIngest ingest = new ImageIngest(ImageLimits.defaults());

    @Test
    void shouldKeepTheMiddleThirdWhenThePictureIsThreeTimesWiderThanTall() throws Exception {
        BufferedImage flag = thirds(300, 100, true);

        BufferedImage stored = TestPictures.decode(ingest.ingest("flag.png", TestPictures.encode(flag, "png")).bytes());

        assertThat(stored.getWidth()).isEqualTo(100);
        assertThat(colourAt(stored, 0.0, 0.5)).isEqualTo("red");
        assertThat(colourAt(stored, 0.5, 0.5)).isEqualTo("red");
        assertThat(colourAt(stored, 1.0, 0.5)).isEqualTo("red");
    }

    @Test
    void shouldKeepTheMiddleThirdWhenThePictureIsThreeTimesTallerThanWide() throws Exception {
        BufferedImage tower = thirds(100, 300, false);

        BufferedImage stored = TestPictures.decode(ingest.ingest("tower.png", TestPictures.encode(tower, "png")).bytes());

        assertThat(stored.getHeight()).isEqualTo(100);
        assertThat(colourAt(stored, 0.5, 0.0)).isEqualTo("red");
        assertThat(colourAt(stored, 0.5, 1.0)).isEqualTo("red");
    }

    @Test
    void shouldShrinkToTheStoredSideWhenThePictureIsBigger() throws Exception {
        StoredImage stored = ingest.ingest("big.png", TestPictures.encode(TestPictures.markers(800, 600), "png"));

        assertThat(stored.side()).isEqualTo(256);
        BufferedImage image = TestPictures.decode(stored.bytes());
        assertThat(image.getWidth()).isEqualTo(256);
        ImageIngestFormatsTest.assertMarkersUpright(image);
    }

    @Test
    void shouldNotEnlargeASmallPicture() throws Exception {
        StoredImage stored = ingest.ingest("tiny.png", TestPictures.encode(TestPictures.markers(12, 8), "png"));

        assertThat(stored.side()).isEqualTo(8);
        assertThat(TestPictures.decode(stored.bytes()).getWidth()).isEqualTo(8);
    }

    @Test
    void shouldAverageOnePixelStripesToGreyWhenShrinking() throws Exception {
        BufferedImage stripes = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 1024; y++) {
            for (int x = 0; x < 1024; x++) {
                stripes.setRGB(x, y, x % 2 == 0 ? 0x000000 : 0xFFFFFF);
            }
        }

        BufferedImage stored = TestPictures.decode(ingest.ingest("stripes.png", TestPictures.encode(stripes, "png")).bytes());

        for (int y = 0; y < stored.getHeight(); y += 17) {
            for (int x = 0; x < stored.getWidth(); x += 13) {
                assertThat(new Color(stored.getRGB(x, y)).getGreen()).as("(%d, %d)", x, y).isBetween(110, 145);
            }
        }
    }

    @Test
    void pictureGivesExactlyTheSentPixelsOfASmallSquareWhereTheStoredJpegOnlyComesClose() throws Exception {
        BufferedImage frame = new BufferedImage(224, 224, BufferedImage.TYPE_INT_RGB);
        java.util.Random noise = new java.util.Random(7);
        for (int y = 0; y < 224; y++) {
            for (int x = 0; x < 224; x++) {
                frame.setRGB(x, y, noise.nextInt(0x1000000));
            }
        }
        byte[] png = TestPictures.encode(frame, "png");

        BufferedImage picture = ingest.picture("frame.png", png);
        BufferedImage stored = TestPictures.decode(ingest.ingest("frame.png", png).bytes());

        assertThat(picture.getWidth()).isEqualTo(224);
        int differentInJpeg = 0;
        for (int y = 0; y < 224; y++) {
            for (int x = 0; x < 224; x++) {
                assertThat(picture.getRGB(x, y) & 0xFFFFFF).as("(%d, %d)", x, y).isEqualTo(frame.getRGB(x, y) & 0xFFFFFF);
                differentInJpeg += stored.getRGB(x, y) == frame.getRGB(x, y) ? 0 : 1;
            }
        }
        assertThat(differentInJpeg).as("pixels the stored JPEG changed").isGreaterThan(224 * 224 / 2);
    }

    @Test
    void pictureIsCroppedAndRefusedLikeAnUpload() throws Exception {
        BufferedImage picture = ingest.picture("flag.png", TestPictures.encode(thirds(300, 100, true), "png"));
        assertThat(picture.getWidth()).isEqualTo(100);
        assertThat(colourAt(picture, 0.5, 0.5)).isEqualTo("red");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ingest.picture("notes.txt", "hello".getBytes()))
                .isInstanceOf(ImageRejectedException.class);
    }

    @Test
    void shouldSkipRowsAndColumnsOnlyWhenTheCentreSquareIsOverTheDecodeBudget() {
        assertThat(ImageDecoder.subsamplingStep(3024, ImageDecoder.DECODE_BUDGET_PIXELS)).as("12 MP phone photo").isEqualTo(1);
        assertThat(ImageDecoder.subsamplingStep(4000, ImageDecoder.DECODE_BUDGET_PIXELS)).isEqualTo(1);
        assertThat(ImageDecoder.subsamplingStep(4001, ImageDecoder.DECODE_BUDGET_PIXELS)).isEqualTo(2);
        assertThat(ImageDecoder.subsamplingStep(6324, ImageDecoder.DECODE_BUDGET_PIXELS)).as("40 MP square").isEqualTo(2);
    }

    @Test
    void shouldKeepThePictureWhenDecodingWithSkippedRowsAndColumns() throws Exception {
        // A 90,000-pixel budget makes the 1200 × 900 photo's 900 × 900 square decode at every third pixel.
        ImageIngest tightBudget = new ImageIngest(ImageLimits.defaults(), 90_000);
        assertThat(ImageDecoder.subsamplingStep(900, 90_000)).isEqualTo(3);
        byte[] jpeg = TestPictures.encode(TestPictures.markers(1200, 900), "jpeg");

        BufferedImage stored = TestPictures.decode(tightBudget.ingest("huge.jpg", jpeg).bytes());

        assertThat(stored.getWidth()).isEqualTo(256);
        ImageIngestFormatsTest.assertMarkersUpright(stored);
    }

    /** Three bands across (or down): blue, red, green. */
    private static BufferedImage thirds(int width, int height, boolean across) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Color[] bands = {TestPictures.BLUE, TestPictures.RED, TestPictures.GREEN};
        for (int i = 0; i < 3; i++) {
            g.setColor(bands[i]);
            if (across) {
                g.fillRect(i * width / 3, 0, width / 3, height);
            } else {
                g.fillRect(0, i * height / 3, width, height / 3);
            }
        }
        g.dispose();
        return image;
    }
}
