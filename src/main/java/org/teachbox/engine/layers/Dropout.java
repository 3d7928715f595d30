package org.teachbox.engine.layers;

import java.util.SplittableRandom;
import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/**
 * During training, zeroes each input with probability {@code rate} and scales the survivors by
 * 1 / (1 - rate), so the expected output equals the input ("inverted dropout"). At prediction
 * time it passes the input through untouched. The trainer hands it a random source derived from
 * the training seed, so runs are repeatable.
 */
public final class Dropout implements Layer {
    private final Shape shape;
    private final float rate;
    private SplittableRandom random = new SplittableRandom(0);
    private float[] mask = new float[0];
    private Tensor output;
    private Tensor gradIn;

    public Dropout(Shape shape, float rate) {
        if (!(rate >= 0f && rate < 1f)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1): " + rate);
        }
        this.shape = shape;
        this.rate = rate;
    }

    public float rate() { return rate; }

    public void setRandom(SplittableRandom random) { this.random = random; }

    @Override public String name() { return "dropout"; }

    @Override public Shape inputShape() { return shape; }

    @Override public Shape outputShape() { return shape; }

    @Override public Layer replica() { return new Dropout(shape, rate); }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        output = Tensor.reuse(output, x.n, x.c, x.h, x.w);
        int size = x.size();
        if (mask.length < size) {
            mask = new float[size];
        }
        float keep = 1f / (1f - rate);
        for (int i = 0; i < size; i++) {
            mask[i] = !training || random.nextFloat() >= rate ? (training ? keep : 1f) : 0f;
            output.data[i] = x.data[i] * mask[i];
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        gradIn = Tensor.reuse(gradIn, gradOut.n, gradOut.c, gradOut.h, gradOut.w);
        for (int i = 0; i < gradOut.size(); i++) {
            gradIn.data[i] = gradOut.data[i] * mask[i];
        }
        return gradIn;
    }
}
