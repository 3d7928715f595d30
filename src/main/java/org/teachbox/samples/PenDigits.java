/*
 * Digits as a pen would draw them: one centre line per digit, made of straight and
 * curved strokes on a 1 × 1 box, wobbled a little each time. They look like what a
 * learner draws on the draw pad, which printed fonts do not, and they need no fonts,
 * so the digits sample still works on a server without any installed.
 */
package org.teachbox.samples;

import java.awt.geom.Path2D;
import java.util.random.RandomGenerator;

final class PenDigits {

    /*
     * Each digit is a list of commands: M x y (move), L x y (line), C x1 y1 x2 y2 x y
     * (cubic curve), with y growing downwards as on screen.
     */
    private static final String[] SKELETONS = {
        "M 0.5 0 C 0.05 0 0.05 1 0.5 1 C 0.95 1 0.95 0 0.5 0",
        "M 0.28 0.2 L 0.55 0 L 0.55 1",
        "M 0.15 0.25 C 0.2 -0.05 0.85 -0.05 0.8 0.3 C 0.75 0.55 0.3 0.75 0.12 1 L 0.9 1",
        "M 0.15 0.1 C 0.5 -0.1 0.9 0.1 0.75 0.35 C 0.65 0.5 0.45 0.48 0.4 0.48 "
                + "C 0.95 0.5 0.9 1.05 0.45 1 C 0.3 1 0.2 0.95 0.12 0.88",
        "M 0.65 1 L 0.65 0 L 0.1 0.7 L 0.9 0.7",
        "M 0.8 0 L 0.25 0 L 0.2 0.45 C 0.5 0.3 0.9 0.45 0.85 0.72 C 0.8 1.05 0.3 1.05 0.15 0.88",
        "M 0.75 0.05 C 0.4 0 0.15 0.4 0.15 0.7 C 0.15 1.05 0.8 1.05 0.82 0.7 C 0.82 0.4 0.3 0.4 0.17 0.65",
        "M 0.1 0 L 0.9 0 L 0.4 1",
        "M 0.5 0.48 C 0.05 0.4 0.15 0 0.5 0 C 0.85 0 0.95 0.4 0.5 0.48 "
                + "C 0 0.55 0.1 1 0.5 1 C 0.9 1 1 0.55 0.5 0.48",
        "M 0.83 0.3 C 0.8 0.6 0.2 0.6 0.18 0.3 C 0.18 0 0.83 0 0.83 0.3 L 0.78 1",
    };

    private static final double WOBBLE = 0.04;

    private PenDigits() {
    }

    /** The centre line of {@code digit} in a 1 × 1 box, each point moved by up to 4% of the box. */
    static Path2D.Double skeleton(int digit, RandomGenerator random) {
        String[] tokens = SKELETONS[digit].split(" ");
        Path2D.Double path = new Path2D.Double();
        int i = 0;
        while (i < tokens.length) {
            String command = tokens[i++];
            int points = switch (command) {
                case "M", "L" -> 1;
                case "C" -> 3;
                default -> throw new IllegalStateException("unknown command " + command);
            };
            double[] xy = new double[2 * points];
            for (int k = 0; k < xy.length; k++) {
                xy[k] = Double.parseDouble(tokens[i++]) + (random.nextDouble() * 2 - 1) * WOBBLE;
            }
            switch (command) {
                case "M" -> path.moveTo(xy[0], xy[1]);
                case "L" -> path.lineTo(xy[0], xy[1]);
                default -> path.curveTo(xy[0], xy[1], xy[2], xy[3], xy[4], xy[5]);
            }
        }
        return path;
    }
}
