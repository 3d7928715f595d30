/*
 * The one door for uploaded and captured pictures. It checks untrusted bytes in order of
 * cost (size, then format from the magic bytes, then the pixel count from the header)
 * and only then decodes. What comes out is a small, upright, square JPEG that is safe
 * to store; what goes wrong becomes an ImageRejectedException naming the file and the
 * reason, never a crash. Decoders are third-party code fed hostile input, so every
 * exception they throw is caught here, and a stack overflow too. Running out of memory
 * is not caught: the decode budget keeps it from happening, and a JVM that did run out
 * cannot be trusted to go on (production runs with -XX:+ExitOnOutOfMemoryError). One
 * instance serves every upload at once.
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

    private final ImageLimits limits;
    private final long decodeBudgetPixels;
    private final DecodeBudget budget;
    private final DecodeWatchdog watchdog;

    public ImageIngest(ImageLimits limits) {
        this(limits, ImageDecoder.DECODE_BUDGET_PIXELS, DecodeBudget.forThisMachine());
    }

    /** Tests use a small budget to reach the skip-pixels path without huge pictures. */
    ImageIngest(ImageLimits limits, long decodeBudgetPixels) {
        this(limits, decodeBudgetPixels, DecodeBudget.forThisMachine());
    }

    ImageIngest(ImageLimits limits, long decodeBudgetPixels, DecodeBudget budget) {
        this.limits = limits;
        this.decodeBudgetPixels = decodeBudgetPixels;
        this.budget = budget;
        this.watchdog = new DecodeWatchdog(limits.maxDecodeTime());
    }

    /** Bytes of the decode budget held by decodes running now, for the server's metrics. */
    public long decodeBytesInUse() {
        return budget.bytesInUse();
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
        BufferedImage upright = picture(name, bytes);
        try {
            return new StoredImage(JpegEncoder.encode(upright), StoredImage.JPEG, upright.getWidth());
        } catch (IOException | RuntimeException | StackOverflowError e) {
            LOG.warn("A decoded picture from {} could not be encoded again; the file was rejected", name, e);
            throw new ImageRejectedException(ImageRejectedException.CORRUPT, e, name);
        }
    }

    /**
     * The small, upright square {@link #ingest} would store, checked the same way, but not yet
     * encoded as JPEG. The server's check of a browser's answer uses it: both must see exactly
     * the pixels that were sent, not those pixels after one more round of JPEG.
     */
    public BufferedImage picture(String fileName, byte[] bytes) throws ImageRejectedException {
        String name = displayName(fileName);
        if (bytes == null || bytes.length == 0) {
            throw new ImageRejectedException(ImageRejectedException.EMPTY, name);
        }
        if (bytes.length > limits.maxBytes()) {
            throw new ImageRejectedException(ImageRejectedException.TOO_LARGE, name, limits.maxBytesText());
        }
        ImageKind kind = ImageKind.sniff(bytes)
                .orElseThrow(() -> new ImageRejectedException(ImageRejectedException.UNSUPPORTED, name));
        ImageDecoder.Header header = readHeader(name, kind, bytes);
        long memory = ImageDecoder.memoryEstimate(kind, header, decodeBudgetPixels);
        if (!budget.fits(memory)) {
            throw new ImageRejectedException(ImageRejectedException.TOO_MUCH_MEMORY, name, header.width(), header.height());
        }
        try (DecodeBudget.Lease lease = budget.acquire(memory)
                .orElseThrow(() -> new ImageRejectedException(ImageRejectedException.BUSY, name))) {
            return upright(name, kind, bytes, decode(name, kind, bytes, header.size()));
        }
    }

    private BufferedImage upright(String name, ImageKind kind, byte[] bytes, BufferedImage square)
            throws ImageRejectedException {
        int orientation = kind == ImageKind.JPEG ? ExifOrientation.read(bytes) : ExifOrientation.UPRIGHT;
        try {
            // A reader may ignore the requested region; cropping again is then not a no-op.
            BufferedImage cropped = Resampler.centreSquare(square);
            int side = Math.min(cropped.getWidth(), limits.storedSide());
            // Turning after shrinking is cheaper and gives the same picture: the centre
            // square maps onto itself under every one of the eight orientations.
            return ExifOrientation.apply(Resampler.resize(cropped, side, side), orientation);
        } catch (RuntimeException | StackOverflowError e) {
            throw corrupt(name, kind, e);
        }
    }

    /** The name as the learner knows it, minus control characters that could forge log lines. */
    private static String displayName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("\\p{Cntrl}", "").strip();
        return name.isEmpty() ? "?" : name;
    }

    private ImageDecoder.Header readHeader(String name, ImageKind kind, byte[] bytes) throws ImageRejectedException {
        ImageDecoder.Header header;
        try {
            header = ImageDecoder.readHeader(kind, bytes);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw corrupt(name, kind, e);
        }
        int width = header.width();
        int height = header.height();
        if (width <= 0 || height <= 0) {
            throw corrupt(name, kind, null);
        }
        if ((long) width * height > limits.maxPixels()) {
            throw new ImageRejectedException(ImageRejectedException.TOO_MANY_PIXELS,
                    name, width, height, limits.maxMegapixelsText(), limits.maxPixels() / 10_000);
        }
        if (Math.max(width, height) > limits.maxSide()) {
            throw new ImageRejectedException(ImageRejectedException.SIDE_TOO_LONG, name, width, height, limits.maxSide());
        }
        return header;
    }

    private BufferedImage decode(String name, ImageKind kind, byte[] bytes, Dimension size) throws ImageRejectedException {
        try {
            return ImageDecoder.decodeCentreSquare(kind, bytes, size, decodeBudgetPixels, watchdog);
        } catch (ImageDecoder.TooSlowException e) {
            throw new ImageRejectedException(ImageRejectedException.TOO_SLOW, name);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw corrupt(name, kind, e);
        }
    }

    private static ImageRejectedException corrupt(String name, ImageKind kind, Throwable cause) {
        if (cause instanceof Error) {
            // Not the learner's fault alone: a decoder ran out of stack. Worth a look.
            LOG.warn("A {} decoder failed on {}; the file was rejected", kind, name, cause);
        } else {
            LOG.debug("Rejected {} file {}: {}", kind, name, cause == null ? "no size" : cause.toString());
        }
        return new ImageRejectedException(ImageRejectedException.CORRUPT, cause, name);
    }
}
