/*
 * The guards that keep one picture from taking the server's memory or time: a cap on each
 * side and on the shape, a memory estimate before decoding, a shared decode budget that
 * every picture of every size goes through, and a time limit per decode.
 */
package org.teachbox.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageIngestGuardsTest {

    private final ImageIngest ingest = new ImageIngest(ImageLimits.defaults());

    @Test
    void shouldRefuseAStripOfFortyMillionByOnePixelsBeforeDecodingIt() {
        // The file from the bug report: under the 40 MP cap, but no picture anyone takes.
        byte[] strip = png(40_000_000, 1, 16);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        rejectionOf("warm-up.png", strip);
        long before = threads.getCurrentThreadAllocatedBytes();

        ImageRejectedException rejection = rejectionOf("strip.png", strip);

        assertThat(rejection.messageKey()).isEqualTo("upload.error.side-too-long");
        assertThat(rejection.messageArgs()).containsExactly("strip.png", 40_000_000, 1, 20_000);
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(16L * 1024 * 1024);
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"2000, 50", "50, 2000", "800, 100", "8000, 400", "20000, 3"})
    void shouldTakeAnyShapeWithinTheSideAndPixelLimits(int width, int height) throws Exception {
        // banners and panoramas are pictures too: the model sees their centre square
        StoredImage stored = ingest.ingest("banner.png", TestPictures.encode(noise(width, height), "png"));

        assertThat(stored.side()).isEqualTo(Math.min(Math.min(width, height), 256));
    }

    @Test
    void shouldEstimateSixteenBitPicturesAtEightBytesAPixelPlusTheWorkingCopies() throws Exception {
        ImageDecoder.Header header = ImageDecoder.readHeader(ImageKind.PNG, png(3_000, 2_000, 16));

        assertThat(header.bytesPerPixel()).isEqualTo(8);
        assertThat(ImageDecoder.memoryEstimate(ImageKind.PNG, header, ImageDecoder.DECODE_BUDGET_PIXELS))
                .isEqualTo(2_000L * 2_000 * 16);
    }

    @Test
    void shouldRefuseAPictureThatAloneNeedsMoreThanTheWholeDecodeBudget() {
        DecodeBudget small = new DecodeBudget(2, 1024 * 1024, Duration.ofSeconds(5));
        ImageIngest tight = new ImageIngest(ImageLimits.defaults(), ImageDecoder.DECODE_BUDGET_PIXELS, small);
        byte[] photo = TestPictures.encode(noise(600, 400), "png");

        ImageRejectedException rejection = catchThrowableOfType(ImageRejectedException.class,
                () -> tight.ingest("photo.png", photo));

        assertThat(rejection.messageKey()).isEqualTo("upload.error.too-much-memory");
        assertThat(rejection.messageArgs()).containsExactly("photo.png", 600, 400);
    }

    @Test
    void shouldMakeEvenASmallPictureWaitForTheBudgetAndSaySoWhenTheServerStaysBusy() throws Exception {
        DecodeBudget oneSlot = new DecodeBudget(1, 64L * 1024 * 1024, Duration.ofMillis(200));
        ImageIngest busy = new ImageIngest(ImageLimits.defaults(), ImageDecoder.DECODE_BUDGET_PIXELS, oneSlot);
        byte[] tiny = TestPictures.encode(noise(32, 32), "png");

        try (DecodeBudget.Lease held = oneSlot.acquire(1).orElseThrow()) {
            ImageRejectedException rejection = catchThrowableOfType(ImageRejectedException.class,
                    () -> busy.ingest("tiny.png", tiny));
            assertThat(rejection.messageKey()).isEqualTo("upload.error.busy");
        }
        // Once the slot is free again, the same picture goes through.
        assertThat(busy.ingest("tiny.png", tiny).side()).isEqualTo(32);
    }

    @Test
    void shouldStopADecodeThatRunsPastItsTimeLimit() {
        ImageIngest impatient = new ImageIngest(ImageLimits.defaults().withDecodeTime(Duration.ofMillis(1)));
        BufferedImage gradient = new BufferedImage(3_000, 3_000, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 3_000; y++) {
            for (int x = 0; x < 3_000; x++) {
                gradient.setRGB(x, y, (x & 0xFF) << 16 | (y & 0xFF) << 8);
            }
        }
        byte[] big = TestPictures.encode(gradient, "png");

        ImageRejectedException rejection = catchThrowableOfType(ImageRejectedException.class,
                () -> impatient.ingest("slow.png", big));

        assertThat(rejection.messageKey()).isEqualTo("upload.error.too-slow");
        assertThat(rejection.messageArgs()).containsExactly("slow.png");
    }

    private ImageRejectedException rejectionOf(String name, byte[] bytes) {
        ImageRejectedException rejection = catchThrowableOfType(ImageRejectedException.class, () -> ingest.ingest(name, bytes));
        assertThat(rejection).as(name).isNotNull();
        return rejection;
    }

    private static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    /** An RGBA PNG header with one tiny compressed row of data: enough for a reader to report its size and depth. */
    private static byte[] png(int width, int height, int bitDepth) {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(idat)) {
            deflate.write(new byte[1024]);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return PngFiles.rgba(width, height, bitDepth, idat.toByteArray());
    }
}
