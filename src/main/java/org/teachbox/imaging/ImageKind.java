/*
 * The picture formats we accept, recognised by their first bytes ("magic numbers") and
 * never by the file name: a learner's "cat.png" may really be a JPEG, and a text file
 * renamed to .png must not reach a decoder. Each kind knows which ImageIO reader opens it.
 */
package org.teachbox.imaging;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

enum ImageKind {
    JPEG, PNG, GIF, BMP, WEBP;

    // Sizes of the BMP info headers that exist in the wild (OS/2 v1 to BITMAPV5HEADER).
    private static final Set<Integer> BMP_INFO_HEADER_SIZES = Set.of(12, 16, 40, 52, 56, 64, 108, 124);

    static Optional<ImageKind> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, 'G', 'I', 'F', '8') && (startsWith(bytes, 4, '7', 'a') || startsWith(bytes, 4, '9', 'a'))) {
            return Optional.of(GIF);
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        // "BM" alone is too weak (a text file may start with it), so also check the info header size.
        if (startsWith(bytes, 0, 'B', 'M') && bytes.length >= 18 && BMP_INFO_HEADER_SIZES.contains(littleEndianInt(bytes, 14))) {
            return Optional.of(BMP);
        }
        return Optional.empty();
    }

    /** A fresh reader; readers are stateful, so every decode gets its own and disposes it. */
    ImageReader newReader() throws IOException {
        // Built straight from the plugins so they work even where ImageIO's registry missed the jar.
        if (this == WEBP) {
            return new WebPImageReaderSpi().createReaderInstance();
        }
        if (this == JPEG) {
            return JpegPlugin.SPI.createReaderInstance();
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(name().toLowerCase(java.util.Locale.ROOT));
        if (!readers.hasNext()) {
            throw new IOException("no ImageIO reader for " + this);
        }
        return readers.next();
    }

    /**
     * TwelveMonkeys' JPEG reader: it hands ordinary JPEGs to the JDK's reader and also reads CMYK
     * and YCCK ones. Registering it is what lets it find the JDK reader it delegates to.
     */
    private static final class JpegPlugin {
        static final JPEGImageReaderSpi SPI = new JPEGImageReaderSpi();

        static {
            javax.imageio.spi.IIORegistry.getDefaultInstance().registerServiceProvider(SPI, javax.imageio.spi.ImageReaderSpi.class);
        }
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int littleEndianInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF)
                | (bytes[offset + 1] & 0xFF) << 8
                | (bytes[offset + 2] & 0xFF) << 16
                | (bytes[offset + 3] & 0xFF) << 24;
    }
}
