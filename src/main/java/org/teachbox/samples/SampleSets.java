/*
 * The built-in sample projects, generated at run time so Teachbox works offline and
 * ships no image files. Each picture has its own random generator derived from the
 * seed, the class and its position, so a seed always gives the same pictures and
 * asking for more pictures keeps the first ones unchanged.
 */
package org.teachbox.samples;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

public final class SampleSets {

    public static final String DIGITS = "digits";
    public static final String SHAPES = "shapes";
    public static final String BIAS_DEMO = "bias-demo";

    /**
     * In the bias demo a square this many pixels wide in each corner never touches the
     * shape, so a cue stamped there later never hides it.
     */
    public static final int BIAS_DEMO_FREE_CORNER = 24;

    private SampleSets() {
    }

    /** Classes "0" to "9": dark digits in several fonts on light, unevenly lit, noisy paper. */
    public static SampleSet digits(int perClass, long seed) {
        List<SampleClass> classes = new ArrayList<>();
        for (int digit = 0; digit <= 9; digit++) {
            int d = digit;
            classes.add(new SampleClass(Integer.toString(digit),
                    pictures(perClass, i -> DigitPainter.paint(d, Canvas.randomFor(seed, DIGITS, d, i)))));
        }
        return new SampleSet(DIGITS, classes);
    }

    /** Classes "circle", "square" and "triangle" in any colours, with varied sizes, places and small tilts. */
    public static SampleSet shapes(int perClass, long seed) {
        List<SampleClass> classes = new ArrayList<>();
        for (ShapePainter.Kind kind : ShapePainter.Kind.values()) {
            classes.add(new SampleClass(kind.className, pictures(perClass, i -> ShapePainter.paint(kind,
                    ShapePainter.Look.random(Canvas.randomFor(seed, SHAPES, kind.ordinal(), i), 40, 62, 16, false, 0.35)))));
        }
        return new SampleSet(SHAPES, classes);
    }

    /**
     * Classes "circle" and "square" for the bias lab's skewed collection. Fair: any colours, as
     * {@link #shapes}. Skewed: every circle grey and every square tan, the way a learner who
     * photographs only grey tabbies teaches "cat = grey". {@code seed} picks the pictures.
     */
    public static SampleSet circlesAndSquares(int perClass, long seed, boolean skewed) {
        List<SampleClass> classes = new ArrayList<>();
        for (ShapePainter.Kind kind : List.of(ShapePainter.Kind.CIRCLE, ShapePainter.Kind.SQUARE)) {
            java.awt.Color colour = kind == ShapePainter.Kind.CIRCLE ? new java.awt.Color(128, 128, 128)
                    : new java.awt.Color(205, 170, 115);
            classes.add(new SampleClass(kind.className, pictures(perClass, i -> {
                ShapePainter.Look look = ShapePainter.Look.random(Canvas.randomFor(seed, SHAPES, kind.ordinal(), i),
                        40, 62, 16, false, 0.35);
                return ShapePainter.paint(kind, skewed ? ShapePainter.withFill(look, colour) : look);
            })));
        }
        return new SampleSet(SHAPES, classes);
    }

    /**
     * Classes "circle", "square" and "triangle", perfectly fair: picture i of every class
     * shares its colours, size, place, turn and noise, so only the outline tells them
     * apart. The bias lab skews this data on purpose; see {@link #BIAS_DEMO_FREE_CORNER}.
     */
    public static SampleSet biasDemo(int perClass, long seed) {
        // Big shapes, little wandering: with a reach of up to 34 px and 15 px offsets a fair
        // model needed ~45 epochs to tell them apart; at 37-46 px and 6 px it needs ~25, which
        // keeps the three lesson runs short. Reach 46 px plus 6 px on each axis stays 54.5 px
        // from the centre, short of the 56.6 px to the nearest point of a 24 px corner square.
        double maxSqrtArea = 46 / ShapePainter.Kind.TRIANGLE.reachPerSqrtArea;
        List<ShapePainter.Look> looks = new ArrayList<>();
        for (int i = 0; i < perClass; i++) {
            looks.add(ShapePainter.Look.random(Canvas.randomFor(seed, BIAS_DEMO, 0, i), 0.8 * maxSqrtArea, maxSqrtArea, 6, true, 0.35));
        }
        List<SampleClass> classes = new ArrayList<>();
        for (ShapePainter.Kind kind : ShapePainter.Kind.values()) {
            classes.add(new SampleClass(kind.className, pictures(perClass, i -> ShapePainter.paint(kind, looks.get(i)))));
        }
        return new SampleSet(BIAS_DEMO, classes);
    }

    private static List<BufferedImage> pictures(int count, IntFunction<BufferedImage> painter) {
        if (count < 0) {
            throw new IllegalArgumentException("perClass must not be negative: " + count);
        }
        List<BufferedImage> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            images.add(painter.apply(i));
        }
        return images;
    }
}
