/*
 * Talks to the ImageIO readers for untrusted bytes. It reads the picture size from the
 * header alone, so the caller can refuse a decompression bomb before any pixels exist,
 * and it decodes only the centre square. When even that square is huge, it skips every
 * other row and column while decoding, so one upload never holds more than about
 * 16 megapixels in memory. Some readers quietly fill in the missing part of a cut-off
 * file, so truncation warnings are turned into errors here.
 */
package org.teachbox.imaging;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

final class ImageDecoder {

    /*
     * Skipping pixels is nearest-neighbour sampling, which can alias fine patterns, so we
     * only do it when memory demands: a typical 12-megapixel phone photo (a 9-megapixel
     * centre square) decodes in full.
     */
    static final long DECODE_BUDGET_PIXELS = 16_000_000L;

    // What the JPEG reader says about a cut-off file ("Truncated File - Missing EOI marker",
    // "premature end of data segment"); other warnings are usually harmless camera quirks.
    private static final Pattern TRUNCATION = Pattern.compile("truncat|premature end", Pattern.CASE_INSENSITIVE);

    private ImageDecoder() {
    }

    /** What the header says: the size, and how many bytes a decoded pixel takes. */
    record Header(int width, int height, int bytesPerPixel) {
        Dimension size() {
            return new Dimension(width, height);
        }
    }

    /** Width, height and pixel depth from the header; no pixel data is decoded. */
    static Header readHeader(ImageKind kind, byte[] bytes) throws IOException {
        ImageReader reader = kind.newReader();
        // A memory-backed stream: ImageIO's default would spill to temp files.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            return new Header(width, height, bytesPerPixel(reader));
        } finally {
            reader.dispose();
        }
    }

    /** From the first image type the reader offers: 16-bit RGBA is 8 bytes, grey 1; unknown counts as 8. */
    private static int bytesPerPixel(ImageReader reader) {
        try {
            var types = reader.getImageTypes(0);
            if (types.hasNext()) {
                var sampleModel = types.next().getSampleModel();
                int bits = 0;
                for (int size : sampleModel.getSampleSize()) {
                    bits += size;
                }
                return Math.max(1, (bits + 7) / 8);
            }
        } catch (IOException | RuntimeException e) {
            // The decode will say what is wrong; here we only guess high.
        }
        return 8;
    }

    /**
     * How many bytes decoding this picture needs at its peak: the decoded square in the
     * reader's own pixel format, plus the two 4-byte-per-pixel copies made while cropping and
     * shrinking it. The BMP reader always decodes the whole picture.
     */
    static long memoryEstimate(ImageKind kind, Header header, long budgetPixels) {
        long decoded;
        if (kind == ImageKind.BMP) {
            decoded = (long) header.width() * header.height();
        } else {
            int side = Math.min(header.width(), header.height());
            int step = subsamplingStep(side, budgetPixels);
            decoded = (long) (side / step) * (side / step);
        }
        return decoded * (header.bytesPerPixel() + 8L);
    }

    /** A decode that ran past its time limit and was stopped. */
    static final class TooSlowException extends IOException {
        private static final long serialVersionUID = 1L;

        TooSlowException() {
            super("decoding took too long", null);
        }
    }

    /**
     * Decodes the first frame's centre square, at full resolution unless it is over the budget.
     * The watchdog asks the reader to stop when time is up; readers check between rows.
     */
    static BufferedImage decodeCentreSquare(ImageKind kind, byte[] bytes, Dimension size, long budgetPixels,
                                            DecodeWatchdog watchdog) throws IOException {
        int side = Math.min(size.width, size.height);
        int step = subsamplingStep(side, budgetPixels);
        ImageReader reader = kind.newReader();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            List<String> truncations = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> {
                if (TRUNCATION.matcher(warning).find()) {
                    truncations.add(warning);
                }
            });
            ImageReadParam param = reader.getDefaultReadParam();
            // The BMP reader ignores a missing tail when asked for a region, so it decodes
            // everything; its file size cap already bounds its memory.
            if (kind != ImageKind.BMP) {
                param.setSourceRegion(new Rectangle((size.width - side) / 2, (size.height - side) / 2, side, side));
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
            }
            BufferedImage image;
            try (DecodeWatchdog.Watch watch = watchdog.watch(reader)) {
                image = reader.read(0, param);
                if (watch.stopped()) {
                    throw new TooSlowException();
                }
            }
            if (image == null) {
                throw new IOException("the reader returned no image");
            }
            if (!truncations.isEmpty()) {
                throw new IOException("truncated: " + truncations);
            }
            return image;
        } finally {
            reader.dispose();
        }
    }

    /** The smallest step that brings a square of this side within the budget. */
    static int subsamplingStep(int side, long budgetPixels) {
        int step = 1;
        while ((long) (side / step) * (side / step) > budgetPixels) {
            step++;
        }
        return step;
    }
}
