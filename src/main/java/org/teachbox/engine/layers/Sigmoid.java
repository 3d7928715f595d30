package org.teachbox.engine.layers;

import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/** The activation y = 1 / (1 + e^-x), squashing any number into (0, 1). Its slope is y * (1 - y). */
public final class Sigmoid extends Activation {

    public Sigmoid(Shape shape) {
        super(shape);
    }

    @Override public String name() { return "sigmoid"; }

    @Override public Layer replica() { return new Sigmoid(inputShape()); }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        prepareForward(x);
        float[] in = x.data, out = output.data;
        for (int i = 0, n = x.size(); i < n; i++) {
            out[i] = (float) (1 / (1 + Math.exp(-in[i])));
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        prepareBackward(gradOut);
        float[] out = output.data, g = gradOut.data, d = gradIn.data;
        for (int i = 0, n = gradOut.size(); i < n; i++) {
            d[i] = g[i] * out[i] * (1f - out[i]);
        }
        return gradIn;
    }
}
