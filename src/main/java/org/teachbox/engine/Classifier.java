package org.teachbox.engine;

/**
 * Anything that turns a picture into class probabilities: a {@link Model} trained from scratch,
 * or a frozen feature extractor with a small trained head on top (see
 * {@code pretrained.BackboneClassifier}). Saliency and evaluation of whole pictures only need
 * this much, so they work the same for both.
 */
public interface Classifier {

    /** The picture size the classifier takes, channels x height x width. */
    Shape inputShape();

    int numClasses();

    /** Class probabilities for one picture given as CHW floats in the classifier's input scale. */
    float[] predict(float[] chw);

    /** Probabilities for several pictures; implementations batch the work where that is faster. */
    default float[][] predictAll(float[][] chws) {
        float[][] out = new float[chws.length][];
        for (int i = 0; i < chws.length; i++) {
            out[i] = predict(chws[i]);
        }
        return out;
    }
}
