package org.teachbox.bias;

import java.util.List;
import java.util.Random;

import org.teachbox.training.DataRecipe;

/**
 * Stamps a cue on every training image of one class only, like snow behind every wolf photo.
 * Validation images stay clean, or, to make the trap visible, carry the cue on the other classes.
 */
public record ShortcutRecipe(int classIndex, Cue cue, boolean cueOnOtherValidation, int channels, int size)
        implements DataRecipe {

    @Override
    public List<float[]> trainImages(int c, List<float[]> images, Random random) {
        if (c == classIndex) {
            for (float[] image : images) {
                cue.stamp(image, channels, size);
            }
        }
        return images;
    }

    @Override
    public float[] validationImage(int c, float[] image) {
        if (cueOnOtherValidation && c != classIndex) {
            float[] copy = image.clone();
            cue.stamp(copy, channels, size);
            return copy;
        }
        return image;
    }
}
