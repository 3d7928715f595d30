package org.teachbox.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Shrinking gives the same pixels whatever layout the decoder handed over: a JPEG's 3-byte BGR
 * (read straight from its bytes) and the same picture as packed RGB (read through getRGB).
 */
class ResamplerTest {

    @Test
    void aBgrPhotoShrinksToExactlyWhatTheSameRgbPictureDoes() {
        Random random = new Random(5);
        BufferedImage bgr = new BufferedImage(512, 384, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage rgb = new BufferedImage(512, 384, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 384; y++) {
            for (int x = 0; x < 512; x++) {
                int p = random.nextInt(0x1000000);
                bgr.setRGB(x, y, p);
                rgb.setRGB(x, y, p);
            }
        }
        // the centre square, as ingest cuts it: a subimage whose raster starts inside its parent
        BufferedImage fromBgr = Resampler.resize(Resampler.centreSquare(bgr), 224, 224);
        BufferedImage fromRgb = Resampler.resize(Resampler.centreSquare(rgb), 224, 224);
        assertThat(Resampler.pixels(fromBgr)).containsExactly(Resampler.pixels(fromRgb));
        // and it is a real shrink of those pixels, not a blank or a copy of the corner
        assertThat(fromBgr.getRGB(0, 0)).isNotEqualTo(fromBgr.getRGB(223, 223));
    }
}
