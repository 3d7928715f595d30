package org.teachbox.training;

import org.teachbox.imaging.ImageTensors;
import org.teachbox.project.ModelKind;

/**
 * What the network sees of a stored image, in two steps.
 * <ul>
 *   <li>{@link #picture}: the image resized to the network's input, values 0..1, the way a
 *   person would draw it (digits as light ink on a dark ground, as in MNIST, so "nothing there"
 *   is zero and a shifted digit drags no dark border in with it). Bias-lab cues are painted on
 *   pictures, and heat maps are drawn over them.</li>
 *   <li>{@link #forModel}: the numbers fed to the network. Photos are centred around zero
 *   (-0.5..0.5): with all-positive inputs a small CNN sat on a plateau for dozens of epochs on
 *   pale pictures (best validation 0.39 after 25 epochs on the bias demo, 0.83 centred).</li>
 * </ul>
 */
public final class ModelInput {

    /** The value of an "empty" pixel in model space: what occlusion saliency covers with. */
    public static final float NEUTRAL = 0f;

    private ModelInput() {
    }

    public static float[] picture(ModelKind kind, byte[] storedImage) {
        float[] x = ImageTensors.toChw(storedImage, kind.inputSize(), kind.channels());
        if (kind == ModelKind.DIGITS) {
            for (int i = 0; i < x.length; i++) {
                x[i] = 1f - x[i];
            }
        }
        return x;
    }

    /** A new array: the picture as the network takes it. */
    public static float[] forModel(ModelKind kind, float[] picture) {
        float[] x = picture.clone();
        if (kind == ModelKind.IMAGE) {
            for (int i = 0; i < x.length; i++) {
                x[i] -= 0.5f;
            }
        }
        return x;
    }

    public static float[] of(ModelKind kind, byte[] storedImage) {
        return forModel(kind, picture(kind, storedImage));
    }
}
