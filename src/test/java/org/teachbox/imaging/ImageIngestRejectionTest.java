/*
 * Every way an upload is refused, and the key and arguments the learner's message is
 * built from. Bombs are tiny files whose headers claim enormous pictures: they must be
 * refused from the header, which we prove by counting the bytes this thread allocates.
 */
package org.teachbox.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageIngestRejectionTest {

    private final ImageIngest ingest = new ImageIngest(ImageLimits.defaults());

    @Test
    void shouldRejectAnEmptyFile() {
        ImageRejectedException rejection = rejectionOf("empty.png", new byte[0]);

        assertThat(rejection.messageKey()).isEqualTo("upload.error.empty");
        assertThat(rejection.messageArgs()).containsExactly("empty.png");
    }

    @Test
    void shouldRejectTooManyBytesBeforeLookingAtTheContent() {
        ImageIngest strict = new ImageIngest(new ImageLimits(1024, 40_000_000L, 256));
        byte[] png = TestPictures.encode(noise(64, 64), "png");
        assertThat(png.length).isGreaterThan(1024);

        ImageRejectedException big = catchThrowableOfType(ImageRejectedException.class, () -> strict.ingest("big.png", png));
        ImageRejectedException junk = catchThrowableOfType(ImageRejectedException.class,
                () -> strict.ingest("junk.png", new byte[1025]));

        assertThat(big.messageKey()).isEqualTo("upload.error.too-large");
        assertThat(big.messageArgs()).containsExactly("big.png", "1 KB");
        assertThat(junk.messageKey()).isEqualTo("upload.error.too-large");
    }

    @Test
    void shouldStopReadingAStreamSoonAfterTheByteLimit() {
        ImageIngest strict = new ImageIngest(new ImageLimits(1024, 40_000_000L, 256));
        CountingEndlessStream endless = new CountingEndlessStream();

        ImageRejectedException rejection = catchThrowableOfType(ImageRejectedException.class,
                () -> strict.ingest("endless.png", endless));

        assertThat(rejection.messageKey()).isEqualTo("upload.error.too-large");
        assertThat(endless.bytesRead).isLessThanOrEqualTo(1025 + 8192);
    }

    @Test
    void shouldCallAnUploadThatBreaksOffCorrupt() {
        InputStream breaksOff = new java.io.SequenceInputStream(
                new java.io.ByteArrayInputStream(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("connection reset");
                    }
                });

        ImageRejectedException rejection = catchThrowableOfType(ImageRejectedException.class,
                () -> ingest.ingest("photo.jpg", breaksOff));

        assertThat(rejection.messageKey()).isEqualTo("upload.error.corrupt");
        assertThat(rejection.messageArgs()).containsExactly("photo.jpg");
    }

    // The JDK's BMP reader itself refuses headers past 2^31 pixels, so its bomb claims 20,000 × 20,000.
    @ParameterizedTest(name = "{0} claiming {1} × {1}")
    @CsvSource({"png, 50000", "jpeg, 50000", "gif, 50000", "bmp, 20000"})
    void shouldRejectADecompressionBombFromItsHeaderWithoutAllocatingThePicture(String format, int side) {
        byte[] bomb = bombClaiming(format, side);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        rejectionOf("warm-up." + format, bomb);
        long before = threads.getCurrentThreadAllocatedBytes();

        ImageRejectedException rejection = rejectionOf("bomb." + format, bomb);

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(bomb.length).isLessThan(2000);
        assertThat(rejection.messageKey()).isEqualTo("upload.error.too-many-pixels");
        assertThat(rejection.messageArgs()).containsExactly("bomb." + format, side, side, "40", 4000L);
        // Decoding would need at least 400 MB (one byte per pixel); reading a header needs a few KB.
        assertThat(allocated).isLessThan(16L * 1024 * 1024);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jpeg", "png", "gif", "bmp"})
    void shouldRejectAFileThatWasCutOffHalfway(String format) {
        byte[] whole = TestPictures.encode(noise(200, 150), format);

        ImageRejectedException rejection = rejectionOf("cut." + format, Arrays.copyOf(whole, whole.length / 2));

        assertThat(rejection.messageKey()).isEqualTo("upload.error.corrupt");
        assertThat(rejection.messageArgs()).containsExactly("cut." + format);
    }

    @Test
    void shouldRejectAWebpThatWasCutOffHalfway() throws Exception {
        byte[] whole = ImageIngestFormatsTest.resource("markers-120x80-lossy.webp");

        assertThat(rejectionOf("cut.webp", Arrays.copyOf(whole, whole.length / 2)).messageKey())
                .isEqualTo("upload.error.corrupt");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jpeg", "png"})
    void shouldRejectAFileWithTheRightSignatureButGarbageAfterIt(String format) {
        byte[] real = TestPictures.encode(noise(32, 32), format);
        byte[] garbage = new byte[real.length];
        new Random(7).nextBytes(garbage);
        System.arraycopy(real, 0, garbage, 0, 8);

        assertThat(rejectionOf("garbage." + format, garbage).messageKey()).isEqualTo("upload.error.corrupt");
    }

    @Test
    void shouldRejectAPngWhoseHeaderSaysZeroPixelsWide() {
        assertThat(rejectionOf("zero.png", pngHeader(0, 100)).messageKey()).isEqualTo("upload.error.corrupt");
    }

    @Test
    void shouldRejectRandomBytesAsNotAPicture() {
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        random[0] = 0x17;

        ImageRejectedException rejection = rejectionOf("mystery.bin", random);

        assertThat(rejection.messageKey()).isEqualTo("upload.error.unsupported");
        assertThat(rejection.messageArgs()).containsExactly("mystery.bin");
    }

    @Test
    void shouldRejectATextFileRenamedToPng() {
        byte[] text = "BM is how this note starts, but it is only a shopping list.\n".getBytes(StandardCharsets.UTF_8);

        assertThat(rejectionOf("list.png", text).messageKey()).isEqualTo("upload.error.unsupported");
    }

    @Test
    void shouldRejectAFormatWeDoNotReadSuchAsTiff() {
        assertThat(rejectionOf("scan.tiff", TestPictures.encode(noise(16, 16), "tiff")).messageKey())
                .isEqualTo("upload.error.unsupported");
    }

    @Test
    void shouldNameTheFileWithoutControlCharacters() {
        ImageRejectedException rejection = rejectionOf("evil\n[ERROR] fake.png", new byte[0]);

        assertThat(rejection.messageArgs()).containsExactly("evil[ERROR] fake.png");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jpeg", "png", "gif", "bmp"})
    void shouldOnlyEverStoreOrRejectWhenBytesAreDamagedAtRandom(String format) {
        byte[] original = TestPictures.encode(noise(48, 40), format);
        Random random = new Random(format.hashCode());
        for (int round = 0; round < 150; round++) {
            byte[] damaged = original.clone();
            for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            try {
                assertThat(ingest.ingest("damaged." + format, damaged).side()).isBetween(1, 256);
            } catch (ImageRejectedException expected) {
                assertThat(expected.messageKey()).startsWith("upload.error.");
            }
        }
    }

    /** An upload that never ends, counting how much of it was read. */
    private static final class CountingEndlessStream extends InputStream {
        long bytesRead;

        @Override
        public int read() {
            bytesRead++;
            return 0x42;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            Arrays.fill(buffer, offset, offset + length, (byte) 0x42);
            bytesRead += length;
            return length;
        }
    }

    private ImageRejectedException rejectionOf(String name, byte[] bytes) {
        ImageRejectedException rejection = catchThrowableOfType(ImageRejectedException.class, () -> ingest.ingest(name, bytes));
        assertThat(rejection).as("%s should be rejected", name).isNotNull();
        return rejection;
    }

    private static java.awt.image.BufferedImage noise(int width, int height) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Random random = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    // --- hand-made headers that claim a huge picture and carry (almost) no pixel data

    private static byte[] bombClaiming(String format, int side) {
        return switch (format) {
            case "png" -> pngHeader(side, side);
            case "jpeg" -> jpegClaiming(side, side);
            case "gif" -> gifClaiming(side, side);
            case "bmp" -> bmpClaiming(side, side);
            default -> throw new IllegalArgumentException(format);
        };
    }

    private static byte[] pngHeader(int width, int height) {
        return PngFiles.rgba(width, height, 8, null);
    }

    /** A real small JPEG whose frame header (SOF0) is rewritten to claim the new size. */
    private static byte[] jpegClaiming(int width, int height) {
        byte[] jpeg = TestPictures.encode(noise(16, 16), "jpeg");
        for (int i = 0; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) height).putShort((short) width);
                return jpeg;
            }
        }
        throw new IllegalStateException("no SOF0 marker");
    }

    private static byte[] gifClaiming(int width, int height) {
        ByteBuffer gif = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        gif.put("GIF89a".getBytes(StandardCharsets.US_ASCII))
                .putShort((short) width).putShort((short) height).put(new byte[] {0, 0, 0})
                .put((byte) 0x2C).putShort((short) 0).putShort((short) 0)
                .putShort((short) width).putShort((short) height).put((byte) 0)
                .put((byte) 2).put((byte) 0).put((byte) 0x3B);
        return Arrays.copyOf(gif.array(), gif.position());
    }

    /** Run-length encoded, as a real BMP bomb would be: 1,078 bytes that claim billions of pixels. */
    private static byte[] bmpClaiming(int width, int height) {
        int headers = 14 + 40;
        int palette = 256 * 4;
        ByteBuffer bmp = ByteBuffer.allocate(headers + palette + 2).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 'B').put((byte) 'M').putInt(headers + palette + 2).putInt(0).putInt(headers + palette)
                .putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 8)
                .putInt(1 /* BI_RLE8 */).putInt(2).putInt(2835).putInt(2835).putInt(256).putInt(0);
        bmp.position(headers + palette).put((byte) 0).put((byte) 1); // "end of bitmap"
        return bmp.array();
    }
}
