/*
 * Measurements of sample pictures for the tests: grey levels, differences between two
 * pictures, and the features the nearest-centroid check uses.
 */
package org.teachbox.samples;

import java.awt.image.BufferedImage;
import java.util.Arrays;

final class Pictures {

    private static final int SIDE = 128;

    private Pictures() {
    }

    static int[] sortedGreys(BufferedImage image) {
        int[] greys = Arrays.stream(rgb(image)).map(Pictures::grey).toArray();
        Arrays.sort(greys);
        return greys;
    }

    /** The part of the picture that two-means clustering calls foreground, and how much brighter or darker it is. */
    record Split(double foregroundFraction, double greyGap) {
    }

    static Split split(BufferedImage image) {
        int[] px = rgb(image);
        boolean[] mask = foreground(px);
        double fore = 0;
        double back = 0;
        int n = 0;
        for (int i = 0; i < px.length; i++) {
            if (mask[i]) {
                fore += grey(px[i]);
                n++;
            } else {
                back += grey(px[i]);
            }
        }
        if (n == 0 || n == px.length) {
            return new Split(n / (double) px.length, 0);
        }
        return new Split(n / (double) px.length, Math.abs(fore / n - back / (px.length - n)));
    }

    static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        int[] pa = rgb(a);
        int[] pb = rgb(b);
        double sum = 0;
        for (int i = 0; i < pa.length; i++) {
            sum += Math.abs(grey(pa[i]) - grey(pb[i]));
        }
        return sum / pa.length;
    }

    static double fractionOfPixelsThatDiffer(BufferedImage a, BufferedImage b) {
        int[] pa = rgb(a);
        int[] pb = rgb(b);
        int differ = 0;
        for (int i = 0; i < pa.length; i++) {
            if (pa[i] != pb[i]) {
                differ++;
            }
        }
        return differ / (double) pa.length;
    }

    /** The mean colour of the outermost ring of pixels. */
    static float[] borderColour(BufferedImage image) {
        int[] px = rgb(image);
        float[] sum = new float[3];
        int n = 0;
        for (int i = 0; i < px.length; i++) {
            int x = i % SIDE;
            int y = i / SIDE;
            if (x == 0 || y == 0 || x == SIDE - 1 || y == SIDE - 1) {
                sum[0] += px[i] >> 16 & 0xFF;
                sum[1] += px[i] >> 8 & 0xFF;
                sum[2] += px[i] & 0xFF;
                n++;
            }
        }
        for (int c = 0; c < 3; c++) {
            sum[c] /= n;
        }
        return sum;
    }

    /**
     * Splits the pixels into background and foreground by two-means clustering on colour
     * (seeded with the border colour and the block most unlike it), cuts out the
     * foreground's bounding box and squeezes it to 16 × 16 coverage values.
     */
    static float[] foregroundBox16(BufferedImage image) {
        boolean[] foreground = foreground(rgb(image));
        int x0 = SIDE, y0 = SIDE, x1 = -1, y1 = -1;
        for (int i = 0; i < foreground.length; i++) {
            if (foreground[i]) {
                x0 = Math.min(x0, i % SIDE);
                x1 = Math.max(x1, i % SIDE);
                y0 = Math.min(y0, i / SIDE);
                y1 = Math.max(y1, i / SIDE);
            }
        }
        float[] out = new float[256];
        if (x1 < 0) {
            return out;
        }
        int[] counts = new int[256];
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int cell = (y - y0) * 16 / (y1 - y0 + 1) * 16 + (x - x0) * 16 / (x1 - x0 + 1);
                out[cell] += foreground[y * SIDE + x] ? 1 : 0;
                counts[cell]++;
            }
        }
        for (int i = 0; i < 256; i++) {
            out[i] = counts[i] == 0 ? 0 : out[i] / counts[i];
        }
        return out;
    }

    private static boolean[] foreground(int[] px) {
        double[] background = toDoubles(borderColour(image(px)));
        double[] fore = mostUnlikeBlock(px, background);
        boolean[] mask = new boolean[px.length];
        for (int round = 0; round < 4; round++) {
            double[] sumF = new double[3];
            double[] sumB = new double[3];
            int nF = 0;
            for (int i = 0; i < px.length; i++) {
                int r = px[i] >> 16 & 0xFF;
                int g = px[i] >> 8 & 0xFF;
                int b = px[i] & 0xFF;
                double toFore = square(r - fore[0]) + square(g - fore[1]) + square(b - fore[2]);
                double toBack = square(r - background[0]) + square(g - background[1]) + square(b - background[2]);
                mask[i] = toFore < toBack;
                double[] sum = mask[i] ? sumF : sumB;
                sum[0] += r;
                sum[1] += g;
                sum[2] += b;
                nF += mask[i] ? 1 : 0;
            }
            int nB = px.length - nF;
            for (int c = 0; c < 3; c++) {
                fore[c] = nF > 0 ? sumF[c] / nF : fore[c];
                background[c] = nB > 0 ? sumB[c] / nB : background[c];
            }
        }
        return mask;
    }

    private static double square(double x) {
        return x * x;
    }

    private static double[] mostUnlikeBlock(int[] px, double[] background) {
        double[] best = null;
        double bestDistance = -1;
        for (int by = 0; by < 16; by++) {
            for (int bx = 0; bx < 16; bx++) {
                double[] mean = new double[3];
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        double[] v = channels(px[(by * 8 + y) * SIDE + bx * 8 + x]);
                        for (int c = 0; c < 3; c++) {
                            mean[c] += v[c] / 64;
                        }
                    }
                }
                double d = distance(mean, background);
                if (d > bestDistance) {
                    bestDistance = d;
                    best = mean;
                }
            }
        }
        return best;
    }

    private static BufferedImage image(int[] px) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, SIDE, SIDE, px, 0, SIDE);
        return image;
    }

    private static double[] toDoubles(float[] f) {
        return new double[] {f[0], f[1], f[2]};
    }

    private static double[] channels(int p) {
        return new double[] {p >> 16 & 0xFF, p >> 8 & 0xFF, p & 0xFF};
    }

    private static double distance(double[] a, double[] b) {
        double d = 0;
        for (int c = 0; c < 3; c++) {
            d += (a[c] - b[c]) * (a[c] - b[c]);
        }
        return Math.sqrt(d);
    }

    private static int[] rgb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** Luminance with the BT.601 weights, as ImageTensors computes it for one-channel models. */
    private static int grey(int p) {
        return (299 * (p >> 16 & 0xFF) + 587 * (p >> 8 & 0xFF) + 114 * (p & 0xFF)) / 1000;
    }
}
