/*
 * Phones store photos sideways and write an EXIF "orientation" tag saying how to turn
 * them. We read the tag with Commons Imaging and apply it, so a learner's portrait photo
 * is not trained on lying down. All eight values are handled: four rotations, each
 * with or without a mirror. A missing or unreadable tag means "already upright".
 */
package org.teachbox.imaging;

import java.awt.image.BufferedImage;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class ExifOrientation {

    static final int UPRIGHT = 1;

    private static final Logger LOG = LoggerFactory.getLogger(ExifOrientation.class);

    private ExifOrientation() {
    }

    /** The EXIF orientation (1 to 8) of a JPEG, or 1 when there is none we can trust. */
    static int read(byte[] jpeg) {
        try {
            ImageMetadata metadata = Imaging.getMetadata(jpeg);
            if (metadata instanceof JpegImageMetadata jpegMetadata) {
                TiffField field = jpegMetadata.findExifValueWithExactMatch(TiffTagConstants.TIFF_TAG_ORIENTATION);
                if (field != null) {
                    int value = field.getIntValue();
                    return value >= 1 && value <= 8 ? value : UPRIGHT;
                }
            }
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // Broken metadata must not cost the learner a picture that decodes fine.
            LOG.debug("Ignoring unreadable EXIF metadata", e);
        }
        return UPRIGHT;
    }

    /**
     * Turns an image the way the tag says. For each output pixel (u, v) we look up the
     * source pixel (x, y); values 5 to 8 swap width and height.
     */
    static BufferedImage apply(BufferedImage rgb, int orientation) {
        if (orientation == UPRIGHT || orientation < 1 || orientation > 8) {
            return rgb;
        }
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        boolean swaps = orientation >= 5;
        int outW = swaps ? h : w;
        int outH = swaps ? w : h;
        int[] src = Resampler.pixels(rgb);
        int[] out = new int[outW * outH];
        for (int v = 0; v < outH; v++) {
            for (int u = 0; u < outW; u++) {
                int x;
                int y;
                switch (orientation) {
                    case 2 -> { x = w - 1 - u; y = v; }          // mirrored left to right
                    case 3 -> { x = w - 1 - u; y = h - 1 - v; }  // upside down
                    case 4 -> { x = u; y = h - 1 - v; }          // mirrored top to bottom
                    case 5 -> { x = v; y = u; }                  // mirrored along the main diagonal
                    case 6 -> { x = v; y = h - 1 - u; }          // needs a quarter turn clockwise
                    case 7 -> { x = w - 1 - v; y = h - 1 - u; }  // mirrored along the other diagonal
                    default -> { x = w - 1 - v; y = u; }         // 8: needs a quarter turn anticlockwise
                }
                out[v * outW + u] = src[y * w + x];
            }
        }
        BufferedImage result = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, outW, outH, out, 0, outW);
        return result;
    }
}
