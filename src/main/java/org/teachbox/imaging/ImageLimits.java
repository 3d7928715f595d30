/*
 * How much an upload may weigh before we refuse it, and how big the stored copy is.
 * The byte limit protects the upload path, the pixel limit protects memory (a small file
 * can claim a huge picture: a "decompression bomb"), and the stored side keeps every
 * stored image small enough for thumbnails and training.
 */
package org.teachbox.imaging;

import java.util.Locale;

public record ImageLimits(long maxBytes, long maxPixels, int storedSide) {

    private static final long MEGABYTE = 1024L * 1024L;

    public ImageLimits {
        if (maxBytes <= 0 || maxPixels <= 0 || storedSide <= 0) {
            throw new IllegalArgumentException("image limits must be positive: " + maxBytes + ", " + maxPixels + ", " + storedSide);
        }
    }

    /** 15 MB, 40 megapixels (a big phone photo is 12 to 24), stored at 256 × 256 at most. */
    public static ImageLimits defaults() {
        return new ImageLimits(15 * MEGABYTE, 40_000_000L, 256);
    }

    /** The byte limit as people say it, for example "15 MB" or "500 KB". */
    public String maxBytesText() {
        if (maxBytes >= MEGABYTE) {
            return trimmed(maxBytes / (double) MEGABYTE) + " MB";
        }
        if (maxBytes >= 1024) {
            return trimmed(maxBytes / 1024.0) + " KB";
        }
        return maxBytes + " B";
    }

    /** The pixel limit in megapixels, for example "40". */
    public String maxMegapixelsText() {
        return trimmed(maxPixels / 1_000_000.0);
    }

    private static String trimmed(double value) {
        return value == Math.rint(value)
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
