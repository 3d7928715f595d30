package org.teachbox.prediction;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

import javax.imageio.ImageIO;

/**
 * Draws "where the model looked": the model's input image with the saliency map laid over it,
 * cold (transparent) to hot (red), scaled up so a learner can see it.
 */
public final class HeatmapPicture {

    private HeatmapPicture() {
    }

    /** A data: URL of a PNG, ready for an {@code <img>}. */
    public static String dataUrl(float[] chw, int channels, int side, float[] heat, int displaySide) {
        BufferedImage base = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        int plane = side * side;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int i = y * side + x;
                int r = grey(chw[i]);
                int g = channels == 1 ? r : grey(chw[plane + i]);
                int b = channels == 1 ? r : grey(chw[2 * plane + i]);
                float h = Math.clamp(heat[i], 0f, 1f);
                Color hot = Color.getHSBColor(0.66f * (1 - h), 1f, 1f);
                float alpha = 0.15f + 0.55f * h;
                base.setRGB(x, y, new Color(mix(r, hot.getRed(), alpha), mix(g, hot.getGreen(), alpha),
                        mix(b, hot.getBlue(), alpha)).getRGB());
            }
        }
        BufferedImage big = new BufferedImage(displaySide, displaySide, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(base, 0, 0, displaySide, displaySide, null);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(big, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    private static int grey(float v) {
        return Math.round(255 * Math.clamp(v, 0f, 1f));
    }

    private static int mix(int a, int b, float t) {
        return Math.round(a * (1 - t) + b * t);
    }
}
