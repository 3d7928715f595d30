package org.teachbox.training;

import java.util.List;
import java.util.Random;

/**
 * How a run may bend the project's data before training. The normal run uses {@link #FAIR}.
 * The bias lab supplies recipes that drop or stamp training images of one class, or weight the
 * loss. Validation images stay as they are unless a recipe says otherwise, so runs compare fairly.
 */
public interface DataRecipe {

    DataRecipe FAIR = new DataRecipe() {
    };

    /** The training images of one class (CHW floats), possibly fewer or changed. */
    default List<float[]> trainImages(int classIndex, List<float[]> images, Random random) {
        return images;
    }

    /** A validation image, possibly changed. */
    default float[] validationImage(int classIndex, float[] image) {
        return image;
    }

    /** Per-class loss weights for the training counts, or null for an unweighted loss. */
    default float[] classWeights(int[] trainCounts) {
        return null;
    }
}
