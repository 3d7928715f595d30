package org.teachbox.prediction;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.teachbox.engine.FirstLayer;

/**
 * Draws "inside the network": each first-layer filter as a small colour tile (its weights
 * stretched to 0..255 per filter, so every filter shows its own pattern however small its
 * numbers) and each feature map as a grey picture (stretched per map: bright where the picture
 * has that filter's pattern most).
 */
public final class FirstLayerPictures {

    /** How many screen pixels one filter weight becomes: a 3 x 3 filter is drawn 36 x 36. */
    static final int FILTER_SCALE = 12;

    private FirstLayerPictures() {
    }

    /** One tile per filter, RGB (or grey for one input channel), upscaled nearest-neighbour. */
    public static List<BufferedImage> filters(FirstLayer layer) {
        int k = layer.kernel();
        int c = layer.inChannels();
        List<BufferedImage> tiles = new ArrayList<>();
        for (int f = 0; f < layer.filters(); f++) {
            float[] w = layer.filter(f);
            float[] range = range(w);
            BufferedImage tile = new BufferedImage(k * FILTER_SCALE, k * FILTER_SCALE, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < tile.getHeight(); y++) {
                for (int x = 0; x < tile.getWidth(); x++) {
                    int at = (y / FILTER_SCALE) * k + x / FILTER_SCALE;
                    int r = level(w[at], range);
                    int g = c >= 3 ? level(w[k * k + at], range) : r;
                    int b = c >= 3 ? level(w[2 * k * k + at], range) : r;
                    tile.setRGB(x, y, r << 16 | g << 8 | b);
                }
            }
            tiles.add(tile);
        }
        return tiles;
    }

    /** One grey picture per feature map, as big as the map (the page scales it up). */
    public static List<BufferedImage> maps(float[][] maps, int height, int width) {
        List<BufferedImage> pictures = new ArrayList<>();
        for (float[] map : maps) {
            float[] range = range(map);
            BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int v = level(map[y * width + x], range);
                    picture.setRGB(x, y, v << 16 | v << 8 | v);
                }
            }
            pictures.add(picture);
        }
        return pictures;
    }

    /** A data: URL of a PNG, ready for an {@code <img>}. */
    public static String dataUrl(BufferedImage picture) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    private static float[] range(float[] v) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return new float[] {min, max};
    }

    /** v stretched from min..max to 0..255; all 0 (black) when every value is the same. */
    private static int level(float v, float[] range) {
        float span = range[1] - range[0];
        if (!(span > 0f)) {
            return 0;
        }
        return Math.clamp(Math.round(255f * (v - range[0]) / span), 0, 255);
    }
}
