/*
 * The paper the sample pictures are drawn on: a blank 128 × 128 image with anti-aliased
 * graphics, backgrounds with a gentle lighting gradient, and camera-like noise. Real
 * photos are never perfectly flat, and a model trained only on flat ones learns less.
 */
package org.teachbox.samples;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

final class Canvas {

    static final int SIDE = 128;

    private Canvas() {
    }

    static BufferedImage blank() {
        return new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
    }

    static Graphics2D smoothGraphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        return g;
    }

    /** Fills with {@code base}, fading in a random direction to a slightly lighter or darker shade. */
    static void paintBackground(Graphics2D g, Color base, RandomGenerator random) {
        float shade = 0.85f + 0.3f * random.nextFloat();
        Color other = new Color(clamp(base.getRed() * shade), clamp(base.getGreen() * shade), clamp(base.getBlue() * shade));
        double angle = random.nextDouble() * 2 * Math.PI;
        float dx = (float) (Math.cos(angle) * SIDE / 2);
        float dy = (float) (Math.sin(angle) * SIDE / 2);
        g.setPaint(new GradientPaint(SIDE / 2f - dx, SIDE / 2f - dy, base, SIDE / 2f + dx, SIDE / 2f + dy, other));
        g.fillRect(0, 0, SIDE, SIDE);
    }

    /** Adds grey Gaussian noise with the given standard deviation (in 0..255 units). */
    static void addNoise(BufferedImage image, double sigma, RandomGenerator random) {
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            int n = (int) Math.round(random.nextGaussian() * sigma);
            pixels[i] = clamp((p >> 16 & 0xFF) + n) << 16 | clamp((p >> 8 & 0xFF) + n) << 8 | clamp((p & 0xFF) + n);
        }
    }

    static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    /**
     * A random generator for one picture, so picture i is the same however many are asked
     * for. The inputs go through a strong mixer first: java.util.Random with nearly equal
     * seeds starts with nearly equal numbers, which once gave each class its own
     * background hue, a shortcut a model would happily learn.
     */
    static RandomGenerator randomFor(long seed, String set, int classIndex, int imageIndex) {
        long mixed = mix(seed);
        mixed = mix(mixed + set.hashCode());
        mixed = mix(mixed + classIndex);
        mixed = mix(mixed + imageIndex);
        return new SplittableRandom(mixed);
    }

    // The 64-bit finaliser of MurmurHash3: every input bit flips about half the output bits.
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
