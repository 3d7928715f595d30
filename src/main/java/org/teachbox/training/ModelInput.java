package org.teachbox.training;

import org.teachbox.imaging.ImageTensors;
import org.teachbox.project.ModelKind;

/**
 * What the network actually sees of a stored image: resized to its input, and for digits turned
 * into light ink on a dark ground (as in MNIST), so "nothing there" is zero and a shifted digit
 * does not drag a dark border in with it.
 */
public final class ModelInput {

    private ModelInput() {
    }

    public static float[] of(ModelKind kind, byte[] storedImage) {
        float[] x = ImageTensors.toChw(storedImage, kind.inputSize(), kind.channels());
        if (kind == ModelKind.DIGITS) {
            for (int i = 0; i < x.length; i++) {
                x[i] = 1f - x[i];
            }
        }
        return x;
    }
}
