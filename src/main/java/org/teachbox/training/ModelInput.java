package org.teachbox.training;

import java.awt.image.BufferedImage;

import org.teachbox.engine.Augmentation;
import org.teachbox.imaging.ImageTensors;
import org.teachbox.project.ModelKind;
import org.teachbox.pretrained.Embeddings;

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
 *   <li>{@link #augmentation}: the training-time changes, clipped to the same range
 *   {@link #low}..{@link #high} that {@code forModel} gives, so augmented training inputs and
 *   plain validation inputs are the same kind of numbers. Pretrained photos take Teachable
 *   Machine's scale, pixel / 127 - 1, and are never augmented.</li>
 * </ul>
 */
public final class ModelInput {

    /**
     * The value of an "empty" pixel in model space, what occlusion saliency covers with: mid-grey
     * for centred photos, the dark ground for digits, and about mid-grey (128/127 - 1) for the
     * pretrained network's -1..1 scale.
     */
    public static final float NEUTRAL = 0f;

    private ModelInput() {
    }

    public static float[] picture(ModelKind kind, byte[] storedImage) {
        return drawn(kind, ImageTensors.toChw(storedImage, kind.inputSize(), kind.channels()));
    }

    /** The same for a picture that was never stored (see {@code ImageIngest.picture}). */
    public static float[] picture(ModelKind kind, BufferedImage image) {
        return drawn(kind, ImageTensors.toChw(image, kind.inputSize(), kind.channels()));
    }

    private static float[] drawn(ModelKind kind, float[] x) {
        if (kind == ModelKind.DIGITS) {
            for (int i = 0; i < x.length; i++) {
                x[i] = 1f - x[i];
            }
        }
        return x;
    }

    /** A new array: the picture as the network takes it. */
    public static float[] forModel(ModelKind kind, float[] picture) {
        if (kind == ModelKind.PRETRAINED) {
            return Embeddings.scaled(picture);
        }
        float[] x = picture.clone();
        float shift = low(kind);
        if (shift != 0f) {
            for (int i = 0; i < x.length; i++) {
                x[i] += shift;
            }
        }
        return x;
    }

    /** What a picture's 0 becomes in model space: -0.5 for centred photos, 0 for digits, -1 pretrained. */
    public static float low(ModelKind kind) {
        return switch (kind) {
            case IMAGE -> -0.5f;
            case DIGITS -> 0f;
            case PRETRAINED -> -1f;
        };
    }

    /** What a picture's 1 becomes in model space. */
    public static float high(ModelKind kind) {
        return kind == ModelKind.PRETRAINED ? 255f / 127f - 1f : low(kind) + 1f;
    }

    /**
     * The augmentation training uses for a kind: the defaults, mirrored for photos but not for
     * digits (a mirrored 2 is no 2), clipped to the model-space range of that kind. None for the
     * pretrained kind: its head trains on each picture's stored embedding, as Teachable Machine's.
     */
    public static Augmentation augmentation(ModelKind kind) {
        if (kind == ModelKind.PRETRAINED) {
            return Augmentation.none();
        }
        return Augmentation.defaults(kind != ModelKind.DIGITS).clippedTo(low(kind), high(kind));
    }

    public static float[] of(ModelKind kind, byte[] storedImage) {
        return forModel(kind, picture(kind, storedImage));
    }
}
