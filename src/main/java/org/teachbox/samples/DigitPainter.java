/*
 * Paints one digit the way a photo of a printed or handwritten digit might look: dark
 * ink on light paper, either in one of Java's logical fonts (plain or bold, thickened by
 * a random pen width) or drawn with a pen stroke (see PenDigits), turned up to 15
 * degrees either way, slanted, scaled and shifted a little, then lit unevenly and
 * sprinkled with noise. The digit is scaled by its own height, so "1" and "8" come out
 * the same size whatever the font. Without working fonts every digit is pen-drawn.
 */
package org.teachbox.samples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.LoggerFactory;

final class DigitPainter {

    private static final List<String> FONT_FAMILIES =
            List.of(Font.SERIF, Font.SANS_SERIF, Font.MONOSPACED, Font.DIALOG, Font.DIALOG_INPUT);
    private static final int[] FONT_STYLES = {Font.PLAIN, Font.BOLD};
    private static final float FONT_SIZE = 100f;
    private static final double MAX_TURN_DEGREES = 15;
    private static final double PEN_SHARE = 0.3;

    private DigitPainter() {
    }

    static BufferedImage paint(int digit, RandomGenerator random) {
        return paint(digit, random, false);
    }

    /** With {@code penOnly}, paints as a server without fonts would. */
    static BufferedImage paint(int digit, RandomGenerator random, boolean penOnly) {
        BufferedImage image = Canvas.blank();
        Graphics2D g = Canvas.smoothGraphics(image);
        try {
            int paper = 205 + random.nextInt(46);
            Canvas.paintBackground(g, tinted(paper, 8, random), random);

            g.setColor(tinted(random.nextInt(70), 12, random));
            boolean pen = random.nextDouble() < PEN_SHARE || penOnly || !FontCheck.FONTS_WORK;
            if (pen) {
                Shape skeleton = PenDigits.skeleton(digit, random);
                g.setStroke(new BasicStroke(5f + random.nextFloat() * 7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(jitter(random, skeleton.getBounds2D()).createTransformedShape(skeleton));
            } else {
                Font font = new Font(FONT_FAMILIES.get(random.nextInt(FONT_FAMILIES.size())),
                        FONT_STYLES[random.nextInt(FONT_STYLES.length)], 1).deriveFont(FONT_SIZE);
                Shape glyph = font.createGlyphVector(g.getFontRenderContext(), Integer.toString(digit)).getOutline();
                Shape placed = jitter(random, glyph.getBounds2D()).createTransformedShape(glyph);
                g.fill(placed);
                float penWidth = random.nextFloat() * 5f;
                if (penWidth > 0.5f) {
                    g.setStroke(new BasicStroke(penWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    g.draw(placed);
                }
            }
        } finally {
            g.dispose();
        }
        Canvas.addNoise(image, 3 + random.nextDouble() * 10, random);
        return image;
    }

    /** Moves the glyph's centre to the canvas centre, then turns, slants, scales and shifts it. */
    private static AffineTransform jitter(RandomGenerator random, Rectangle2D bounds) {
        double targetHeight = Canvas.SIDE * (0.45 + 0.2 * random.nextDouble());
        double scale = targetHeight / bounds.getHeight();
        double stretch = 0.9 + 0.2 * random.nextDouble();
        double turn = Math.toRadians((random.nextDouble() * 2 - 1) * MAX_TURN_DEGREES);
        double slant = (random.nextDouble() * 2 - 1) * 0.2;
        double shiftX = (random.nextDouble() * 2 - 1) * 10;
        double shiftY = (random.nextDouble() * 2 - 1) * 10;

        AffineTransform t = new AffineTransform();
        t.translate(Canvas.SIDE / 2.0 + shiftX, Canvas.SIDE / 2.0 + shiftY);
        t.rotate(turn);
        t.shear(slant, 0);
        t.scale(scale * stretch, scale);
        t.translate(-bounds.getCenterX(), -bounds.getCenterY());
        return t;
    }

    /** Whether this JVM can turn text into outlines; a server without fonts cannot. */
    private static final class FontCheck {
        static final boolean FONTS_WORK = check();

        private static boolean check() {
            try {
                Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
                return font.createGlyphVector(new FontRenderContext(null, true, true), "0").getOutline() != null;
            } catch (RuntimeException | Error e) {
                LoggerFactory.getLogger(DigitPainter.class).warn("No usable fonts; sample digits will all be pen-drawn", e);
                return false;
            }
        }
    }

    private static Color tinted(int grey, int spread, RandomGenerator random) {
        return new Color(
                Canvas.clamp(grey + random.nextInt(2 * spread + 1) - spread),
                Canvas.clamp(grey + random.nextInt(2 * spread + 1) - spread),
                Canvas.clamp(grey + random.nextInt(2 * spread + 1) - spread));
    }
}
