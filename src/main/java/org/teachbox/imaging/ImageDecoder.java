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

    /** Width and height from the header; no pixel data is decoded. */
    static Dimension readSize(ImageKind kind, byte[] bytes) throws IOException {
        ImageReader reader = kind.newReader();
        // A memory-backed stream: ImageIO's default would spill to temp files.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            return new Dimension(reader.getWidth(0), reader.getHeight(0));
        } finally {
            reader.dispose();
        }
    }

    /** Decodes the first frame's centre square, at full resolution unless it is over the budget. */
    static BufferedImage decodeCentreSquare(ImageKind kind, byte[] bytes, Dimension size, long budgetPixels) throws IOException {
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
            BufferedImage image = reader.read(0, param);
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
