/*
 * The simplest classifier there is: average the feature vectors of each class, then
 * label a picture with the class whose average is closest. Good enough to show that a
 * data set carries its labels, and too simple to hide a broken one.
 */
package org.teachbox.samples;

import java.awt.image.BufferedImage;
import java.util.function.Function;

final class NearestCentroid {

    private NearestCentroid() {
    }

    static double heldOutAccuracy(SampleSet train, SampleSet test, Function<BufferedImage, float[]> features) {
        int classes = train.classes().size();
        float[][] centroids = new float[classes][];
        for (int c = 0; c < classes; c++) {
            var images = train.classes().get(c).images();
            for (BufferedImage image : images) {
                float[] f = features.apply(image);
                if (centroids[c] == null) {
                    centroids[c] = new float[f.length];
                }
                for (int i = 0; i < f.length; i++) {
                    centroids[c][i] += f[i] / images.size();
                }
            }
        }
        int right = 0;
        int total = 0;
        for (int c = 0; c < classes; c++) {
            for (BufferedImage image : test.classes().get(c).images()) {
                if (closest(centroids, features.apply(image)) == c) {
                    right++;
                }
                total++;
            }
        }
        return right / (double) total;
    }

    private static int closest(float[][] centroids, float[] f) {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < centroids.length; c++) {
            double d = 0;
            for (int i = 0; i < f.length; i++) {
                d += (f[i] - centroids[c][i]) * (f[i] - centroids[c][i]);
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }
}
