package org.teachbox.bias;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.teachbox.training.DataRecipe;

/**
 * Keeps only a fraction of one class's training images. Validation stays as it was, balanced,
 * so the skewed model is judged on the same fair test as the fair one. Optionally mitigated.
 */
public record ImbalanceRecipe(int classIndex, double keepFraction, Mitigation mitigation) implements DataRecipe {

    public ImbalanceRecipe {
        if (!(keepFraction > 0 && keepFraction <= 1)) {
            throw new IllegalArgumentException("keepFraction must be in (0, 1]: " + keepFraction);
        }
    }

    static int kept(int n, double fraction) {
        return Math.max(1, (int) Math.round(n * fraction));
    }

    @Override
    public List<float[]> trainImages(int c, List<float[]> images, Random random) {
        if (c != classIndex || images.isEmpty()) {
            return images;
        }
        List<float[]> shuffled = new ArrayList<>(images);
        Collections.shuffle(shuffled, random);
        List<float[]> kept = new ArrayList<>(shuffled.subList(0, kept(images.size(), keepFraction)));
        if (mitigation == Mitigation.OVERSAMPLING) {
            int original = kept.size();
            for (int i = 0; kept.size() < images.size(); i++) {
                kept.add(kept.get(i % original).clone());
            }
        }
        return kept;
    }

    @Override
    public float[] classWeights(int[] trainCounts) {
        if (mitigation != Mitigation.CLASS_WEIGHTS) {
            return null;
        }
        int total = 0;
        for (int n : trainCounts) {
            total += n;
        }
        float[] weights = new float[trainCounts.length];
        for (int c = 0; c < trainCounts.length; c++) {
            weights[c] = trainCounts[c] == 0 ? 0f : (float) total / (trainCounts.length * trainCounts[c]);
        }
        return weights;
    }
}
