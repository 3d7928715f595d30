/*
 * How much an upload may weigh before we refuse it, and how big the stored copy is.
 * The byte limit protects the upload path; the pixel and side limits protect memory and time
 * (a small file can claim a huge picture, a "decompression bomb", or a strip of 40,000,000 × 1
 * pixels); the stored side keeps every stored image small enough for thumbnails and training.
 * Within them any shape is taken, banners and panoramas too: the model sees the centre square.
 */
package org.teachbox.imaging;

import java.time.Duration;
import java.util.Locale;

public record ImageLimits(long maxBytes, long maxPixels, int storedSide, int maxSide, Duration maxDecodeTime) {

    private static final long MEGABYTE = 1024L * 1024L;
    /** Longer than any camera's side (a 200 MP sensor is 16,320 wide) and most panoramas. */
    static final int DEFAULT_MAX_SIDE = 20_000;
    /** A 40 MP photo decodes in about a second here; ten is generous even on a busy server. */
    static final Duration DEFAULT_MAX_DECODE_TIME = Duration.ofSeconds(10);

    public ImageLimits {
        if (maxBytes <= 0 || maxPixels <= 0 || storedSide <= 0 || maxSide <= 0
                || maxDecodeTime.isNegative() || maxDecodeTime.isZero()) {
            throw new IllegalArgumentException("image limits must be positive: " + maxBytes + ", " + maxPixels
                    + ", " + storedSide + ", " + maxSide + ", " + maxDecodeTime);
        }
    }

    public ImageLimits(long maxBytes, long maxPixels, int storedSide) {
        this(maxBytes, maxPixels, storedSide, DEFAULT_MAX_SIDE, DEFAULT_MAX_DECODE_TIME);
    }

    /** 15 MB, 40 megapixels (a big phone photo is 12 to 24), stored at 256 × 256 at most. */
    public static ImageLimits defaults() {
        return new ImageLimits(15 * MEGABYTE, 40_000_000L, 256);
    }

    public ImageLimits withDecodeTime(Duration time) {
        return new ImageLimits(maxBytes, maxPixels, storedSide, maxSide, time);
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
