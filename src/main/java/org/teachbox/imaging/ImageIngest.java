/*
 * The one door for uploaded and captured pictures. It checks untrusted bytes in order of
 * cost (size, then format from the magic bytes, then the pixel count from the header)
 * and only then decodes. What comes out is a small, upright, square JPEG that is safe
 * to store; what goes wrong becomes an ImageRejectedException naming the file and the
 * reason, never a crash. Decoders are third-party code fed hostile input, so every
 * exception and error they throw is caught here. An ImageIngest holds no state
 * besides its limits, so one instance can serve every upload at once.
 */
package org.teachbox.imaging;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class ImageIngest {

    private static final Logger LOG = LoggerFactory.getLogger(ImageIngest.class);

    /** Pictures above this many pixels take a permit to decode (phone photos, not webcam frames). */
    static final long BIG_PICTURE_PIXELS = 4_000_000;
    /**
     * A 12 MP photo needs 60–75 MB while it is decoded. Thirty learners dropping photos at once
     * would want gigabytes, so only a few big decodes run at a time; the rest wait their turn.
     */
    private final java.util.concurrent.Semaphore bigDecodes = new java.util.concurrent.Semaphore(3, true);

    private final ImageLimits limits;
    private final long decodeBudgetPixels;

    public ImageIngest(ImageLimits limits) {
        this(limits, ImageDecoder.DECODE_BUDGET_PIXELS);
    }

    /** Tests use a small budget to reach the skip-pixels path without huge pictures. */
    ImageIngest(ImageLimits limits, long decodeBudgetPixels) {
        this.limits = limits;
        this.decodeBudgetPixels = decodeBudgetPixels;
    }

    public ImageLimits limits() {
        return limits;
    }

    /**
     * Reads an upload stream without ever holding more than the byte limit: a 2 GB file is
     * refused after {@code maxBytes + 1} bytes. A stream that breaks off counts as a file
     * that was only partly uploaded.
     */
    public StoredImage ingest(String fileName, InputStream upload) throws ImageRejectedException {
        byte[] bytes;
        try {
            bytes = upload.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
        } catch (IOException e) {
            throw new ImageRejectedException(ImageRejectedException.CORRUPT, e, displayName(fileName));
        }
        return ingest(fileName, bytes);
    }

    public StoredImage ingest(String fileName, byte[] bytes) throws ImageRejectedException {
        String name = displayName(fileName);
        if (bytes == null || bytes.length == 0) {
            throw new ImageRejectedException(ImageRejectedException.EMPTY, name);
        }
        if (bytes.length > limits.maxBytes()) {
            throw new ImageRejectedException(ImageRejectedException.TOO_LARGE, name, limits.maxBytesText());
        }
        ImageKind kind = ImageKind.sniff(bytes)
                .orElseThrow(() -> new ImageRejectedException(ImageRejectedException.UNSUPPORTED, name));
        Dimension size = readSize(name, kind, bytes);
        boolean big = (long) size.width * size.height > BIG_PICTURE_PIXELS;
        if (big) {
            bigDecodes.acquireUninterruptibly();
        }
        try {
            return store(name, kind, bytes, decode(name, kind, bytes, size));
        } finally {
            if (big) {
                bigDecodes.release();
            }
        }
    }

    private StoredImage store(String name, ImageKind kind, byte[] bytes, BufferedImage square)
            throws ImageRejectedException {
        int orientation = kind == ImageKind.JPEG ? ExifOrientation.read(bytes) : ExifOrientation.UPRIGHT;
        try {
            // A reader may ignore the requested region; cropping again is then not a no-op.
            BufferedImage cropped = Resampler.centreSquare(square);
            int side = Math.min(cropped.getWidth(), limits.storedSide());
            // Turning after shrinking is cheaper and gives the same picture: the centre
            // square maps onto itself under every one of the eight orientations.
            BufferedImage upright = ExifOrientation.apply(Resampler.resize(cropped, side, side), orientation);
            return new StoredImage(JpegEncoder.encode(upright), StoredImage.JPEG, side);
        } catch (IOException | RuntimeException | Error e) {
            throw corrupt(name, kind, e);
        }
    }

    /** The name as the learner knows it, minus control characters that could forge log lines. */
    private static String displayName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("\\p{Cntrl}", "").strip();
        return name.isEmpty() ? "?" : name;
    }

    private Dimension readSize(String name, ImageKind kind, byte[] bytes) throws ImageRejectedException {
        Dimension size;
        try {
            size = ImageDecoder.readSize(kind, bytes);
        } catch (IOException | RuntimeException | Error e) {
            throw corrupt(name, kind, e);
        }
        if (size.width <= 0 || size.height <= 0) {
            throw corrupt(name, kind, null);
        }
        if ((long) size.width * size.height > limits.maxPixels()) {
            throw new ImageRejectedException(ImageRejectedException.TOO_MANY_PIXELS,
                    name, size.width, size.height, limits.maxMegapixelsText());
        }
        return size;
    }

    private BufferedImage decode(String name, ImageKind kind, byte[] bytes, Dimension size) throws ImageRejectedException {
        try {
            return ImageDecoder.decodeCentreSquare(kind, bytes, size, decodeBudgetPixels);
        } catch (IOException | RuntimeException | Error e) {
            throw corrupt(name, kind, e);
        }
    }

    private static ImageRejectedException corrupt(String name, ImageKind kind, Throwable cause) {
        if (cause instanceof Error) {
            // Not the learner's fault alone: a decoder ran out of memory or stack. Worth a look.
            LOG.warn("A {} decoder failed on {}; the file was rejected", kind, name, cause);
        } else {
            LOG.debug("Rejected {} file {}: {}", kind, name, cause == null ? "no size" : cause.toString());
        }
        return new ImageRejectedException(ImageRejectedException.CORRUPT, cause, name);
    }
}
