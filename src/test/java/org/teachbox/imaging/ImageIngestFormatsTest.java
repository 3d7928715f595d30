/*
 * Every accepted format goes through the real decoder and comes out as the same kind of
 * stored image: a square JPEG with the picture's centre, the right way up. WebP has no
 * Java encoder, so its files are small fixtures made with cwebp from TestPictures.main.
 */
package org.teachbox.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teachbox.imaging.TestPictures.colourAt;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageIngestFormatsTest {

    private final ImageIngest ingest = new ImageIngest(ImageLimits.defaults());

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jpeg", "png", "gif", "bmp"})
    void shouldStoreTheCentreSquareAsJpegWhenTheFormatIsSupported(String format) throws Exception {
        byte[] upload = TestPictures.encode(TestPictures.markers(300, 200), format);

        StoredImage stored = ingest.ingest("markers." + format, upload);

        assertThat(stored.mimeType()).isEqualTo("image/jpeg");
        assertThat(stored.side()).isEqualTo(200);
        BufferedImage image = TestPictures.decode(stored.bytes());
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(image.getHeight()).isEqualTo(200);
        assertMarkersUpright(image);
    }

    @ParameterizedTest(name = "ycck={0}")
    @ValueSource(booleans = {false, true})
    void shouldStoreCmykAndYcckJpegsInTheirColours(boolean ycck) throws Exception {
        byte[] upload = TestPictures.redFourChannelJpeg(120, 80, ycck);

        StoredImage stored = ingest.ingest("scan.jpg", upload);

        assertThat(stored.side()).isEqualTo(80);
        assertThat(colourAt(TestPictures.decode(stored.bytes()), 0.5, 0.5)).isEqualTo("red");
    }

    @Test
    void shouldReadAnUploadStream() throws Exception {
        byte[] png = TestPictures.encode(TestPictures.markers(90, 60), "png");

        StoredImage stored = ingest.ingest("markers.png", new java.io.ByteArrayInputStream(png));

        assertMarkersUpright(TestPictures.decode(stored.bytes()));
    }

    @Test
    void shouldStoreALossyWebp() throws Exception {
        StoredImage stored = ingest.ingest("markers.webp", resource("markers-120x80-lossy.webp"));

        assertThat(stored.side()).isEqualTo(80);
        assertMarkersUpright(TestPictures.decode(stored.bytes()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"red-disc-on-transparent-64-lossless.webp", "red-disc-on-transparent-64-lossy-alpha.webp"})
    void shouldLayTransparentWebpOverWhite(String fixture) throws Exception {
        BufferedImage image = TestPictures.decode(ingest.ingest(fixture, resource(fixture)).bytes());

        assertThat(colourAt(image, 0.5, 0.5)).isEqualTo("red");
        assertThat(colourAt(image, 0.05, 0.05)).isEqualTo("white");
    }

    @Test
    void shouldLayTransparentPngOverWhiteInsteadOfBlack() throws Exception {
        BufferedImage disc = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = disc.createGraphics();
        g.setColor(TestPictures.BLUE);
        g.fillOval(25, 25, 50, 50);
        g.dispose();

        BufferedImage image = TestPictures.decode(ingest.ingest("disc.png", TestPictures.encode(disc, "png")).bytes());

        assertThat(colourAt(image, 0.5, 0.5)).isEqualTo("blue");
        assertThat(colourAt(image, 0.02, 0.02)).isEqualTo("white");
        assertThat(colourAt(image, 0.98, 0.98)).isEqualTo("white");
    }

    @Test
    void shouldKeepTheFirstFrameOfAnAnimatedGif() throws Exception {
        byte[] gif = animatedGif(TestPictures.filled(64, 64, TestPictures.RED), TestPictures.filled(64, 64, TestPictures.BLUE));

        BufferedImage image = TestPictures.decode(ingest.ingest("blink.gif", gif).bytes());

        assertThat(colourAt(image, 0.5, 0.5)).isEqualTo("red");
    }

    @Test
    void shouldTrustTheBytesAndNotTheFileName() throws Exception {
        byte[] png = TestPictures.encode(TestPictures.markers(90, 90), "png");

        StoredImage stored = ingest.ingest("holiday.jpg", png);

        assertMarkersUpright(TestPictures.decode(stored.bytes()));
    }

    @Test
    void shouldDropTheOriginalMetadata() throws Exception {
        byte[] tagged = TestPictures.jpegWithOrientation(TestPictures.markers(90, 90), 1);

        StoredImage stored = ingest.ingest("tagged.jpg", tagged);

        assertThat(ExifOrientation.read(stored.bytes())).isEqualTo(1);
        assertThat(new String(stored.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
    }

    static void assertMarkersUpright(BufferedImage image) {
        assertThat(colourAt(image, 0.1, 0.1)).as("top left").isEqualTo("red");
        assertThat(colourAt(image, 0.9, 0.1)).as("top right").isEqualTo("green");
        assertThat(colourAt(image, 0.1, 0.9)).as("bottom left").isEqualTo("blue");
        assertThat(colourAt(image, 0.9, 0.9)).as("bottom right").isEqualTo("white");
        assertThat(colourAt(image, 0.0, 0.5)).as("left edge").isNotEqualTo("yellow");
        assertThat(colourAt(image, 1.0, 0.5)).as("right edge").isNotEqualTo("yellow");
        assertThat(colourAt(image, 0.5, 0.0)).as("top edge").isNotEqualTo("yellow");
        assertThat(colourAt(image, 0.5, 1.0)).as("bottom edge").isNotEqualTo("yellow");
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ImageIngestFormatsTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static byte[] animatedGif(BufferedImage... frames) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
