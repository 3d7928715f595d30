package org.teachbox.engine.pretrained;

import org.teachbox.engine.Classifier;
import org.teachbox.engine.Model;
import org.teachbox.engine.Shape;

/**
 * Teachable Machine's recipe as one classifier: the frozen {@link Backbone} turns a picture into
 * 1280 numbers, and a small trained head (a {@link Model} whose input is those numbers) turns them
 * into class probabilities. Only the head is ever trained; this class exists so that prediction
 * and saliency can look at the whole network, picture in, probabilities out.
 */
public final class BackboneClassifier implements Classifier {
    private final Backbone backbone;
    private final Model head;
    private final int threads;

    public BackboneClassifier(Backbone backbone, Model head, int threads) {
        if (head.inputShape().size() != backbone.embeddingSize()) {
            throw new IllegalArgumentException("the head takes " + head.inputShape().size()
                    + " numbers but the backbone gives " + backbone.embeddingSize());
        }
        this.backbone = backbone;
        this.head = head;
        this.threads = Math.max(1, threads);
    }

    @Override
    public Shape inputShape() {
        return new Shape(3, backbone.inputSize(), backbone.inputSize());
    }

    @Override
    public int numClasses() {
        return head.numClasses();
    }

    @Override
    public float[] predict(float[] chw) {
        return head.predict(backbone.embed(chw));
    }

    @Override
    public float[][] predictAll(float[][] chws) {
        return head.predictAll(backbone.embed(chws, threads));
    }

    public Backbone backbone() {
        return backbone;
    }

    public Model head() {
        return head;
    }
}
