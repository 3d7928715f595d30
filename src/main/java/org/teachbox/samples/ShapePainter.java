/*
 * Paints one circle, square or triangle. Everything except the shape itself (colours,
 * size, place, turn, lighting, noise) is drawn first into a Look, and a Look can be
 * painted with any of the three shapes. Sizes are chosen by area, so no shape covers
 * more of the picture than another: the only honest clue to the class is the outline.
 */
package org.teachbox.samples;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

final class ShapePainter {

    enum Kind {
        CIRCLE("circle", 1 / Math.sqrt(Math.PI)),
        SQUARE("square", Math.sqrt(0.5)),
        TRIANGLE("triangle", Math.sqrt(4 / (3 * Math.sqrt(3))));

        final String className;
        // The distance from the centre to the farthest point, for a shape of area 1.
        final double reachPerSqrtArea;

        Kind(String className, double reachPerSqrtArea) {
            this.className = className;
            this.reachPerSqrtArea = reachPerSqrtArea;
        }
    }

    /** Everything but the outline. Reach and centre are worked out for the widest shape, the triangle. */
    record Look(Color background, Color fill, double sqrtArea, double centreX, double centreY,
                double turn, double noise, long lightingSeed) {

        static Look random(RandomGenerator random, double minSqrtArea, double maxSqrtArea, double maxOffCentre, boolean calm,
                           double maxTurn) {
            Color background = calm ? paleColour(random) : anyColour(random);
            Color fill = contrastingColour(background, random);
            double sqrtArea = minSqrtArea + (maxSqrtArea - minSqrtArea) * random.nextDouble();
            double reach = sqrtArea * Kind.TRIANGLE.reachPerSqrtArea + 2;
            double room = Math.min(maxOffCentre, Canvas.SIDE / 2.0 - reach);
            double centreX = Canvas.SIDE / 2.0 + (random.nextDouble() * 2 - 1) * Math.max(0, room);
            double centreY = Canvas.SIDE / 2.0 + (random.nextDouble() * 2 - 1) * Math.max(0, room);
            // a small tilt only: a square turned 45° is a diamond to a 12-year-old, and to a small model
            double turn = (random.nextDouble() * 2 - 1) * maxTurn;
            double noise = calm ? 2 + 4 * random.nextDouble() : 2 + 10 * random.nextDouble();
            return new Look(background, fill, sqrtArea, centreX, centreY, turn, noise, random.nextLong());
        }
    }

    /**
     * The same look with the shape in {@code fill}; the background is kept if the shape still
     * stands out on it, else replaced by a pale or a dark one that it does stand out on.
     */
    static Look withFill(Look look, Color fill) {
        Color background = look.background();
        if (Math.abs(luma(fill) - luma(background)) < MIN_LUMA_CONTRAST) {
            background = luma(fill) > 128 ? new Color(40, 44, 70) : new Color(236, 236, 226);
        }
        return new Look(background, fill, look.sqrtArea(), look.centreX(), look.centreY(), look.turn(), look.noise(),
                look.lightingSeed());
    }

    private static final double MIN_LUMA_CONTRAST = 60;
    private static final double MIN_COLOUR_CONTRAST = 100;

    private ShapePainter() {
    }

    static BufferedImage paint(Kind kind, Look look) {
        RandomGenerator lighting = new SplittableRandom(look.lightingSeed());
        BufferedImage image = Canvas.blank();
        Graphics2D g = Canvas.smoothGraphics(image);
        try {
            Canvas.paintBackground(g, look.background(), lighting);
            AffineTransform place = new AffineTransform();
            place.translate(look.centreX(), look.centreY());
            place.rotate(look.turn());
            place.scale(look.sqrtArea(), look.sqrtArea());
            g.setColor(look.fill());
            g.fill(place.createTransformedShape(unitArea(kind)));
        } finally {
            g.dispose();
        }
        Canvas.addNoise(image, look.noise(), lighting);
        return image;
    }

    /** The shape with area 1, centred on the origin. */
    private static Shape unitArea(Kind kind) {
        double r = kind.reachPerSqrtArea;
        return switch (kind) {
            case CIRCLE -> new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
            case SQUARE -> {
                double half = r / Math.sqrt(2);
                yield new Rectangle2D.Double(-half, -half, 2 * half, 2 * half);
            }
            case TRIANGLE -> {
                Path2D.Double triangle = new Path2D.Double();
                for (int corner = 0; corner < 3; corner++) {
                    double angle = -Math.PI / 2 + corner * 2 * Math.PI / 3;
                    double x = r * Math.cos(angle);
                    double y = r * Math.sin(angle);
                    if (corner == 0) {
                        triangle.moveTo(x, y);
                    } else {
                        triangle.lineTo(x, y);
                    }
                }
                triangle.closePath();
                yield triangle;
            }
        };
    }

    private static Color anyColour(RandomGenerator random) {
        return Color.getHSBColor(random.nextFloat(), 0.7f * random.nextFloat(), 0.25f + 0.75f * random.nextFloat());
    }

    private static Color paleColour(RandomGenerator random) {
        return Color.getHSBColor(random.nextFloat(), 0.25f * random.nextFloat(), 0.8f + 0.2f * random.nextFloat());
    }

    /**
     * A saturated colour that stands out from the background in colour and also in
     * brightness, so the shape stays visible to a model that sees only grey.
     */
    private static Color contrastingColour(Color background, RandomGenerator random) {
        Color best = null;
        double bestLuma = -1;
        for (int attempt = 0; attempt < 32; attempt++) {
            Color candidate = Color.getHSBColor(random.nextFloat(), 0.45f + 0.55f * random.nextFloat(),
                    0.3f + 0.7f * random.nextFloat());
            double luma = Math.abs(luma(candidate) - luma(background));
            if (luma >= MIN_LUMA_CONTRAST && distance(candidate, background) >= MIN_COLOUR_CONTRAST) {
                return candidate;
            }
            if (luma > bestLuma) {
                best = candidate;
                bestLuma = luma;
            }
        }
        return best;
    }

    private static double luma(Color c) {
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
    }

    private static double distance(Color a, Color b) {
        int dr = a.getRed() - b.getRed();
        int dg = a.getGreen() - b.getGreen();
        int db = a.getBlue() - b.getBlue();
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}
