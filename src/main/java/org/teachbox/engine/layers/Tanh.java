package org.teachbox.engine.layers;

import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/** The activation y = tanh(x), squashing any number into (-1, 1). Its slope is 1 - y^2. */
public final class Tanh extends Activation {

    public Tanh(Shape shape) {
        super(shape);
    }

    @Override public String name() { return "tanh"; }

    @Override public Layer replica() { return new Tanh(inputShape()); }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        prepareForward(x);
        float[] in = x.data, out = output.data;
        for (int i = 0, n = x.size(); i < n; i++) {
            out[i] = (float) Math.tanh(in[i]);
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        prepareBackward(gradOut);
        float[] out = output.data, g = gradOut.data, d = gradIn.data;
        for (int i = 0, n = gradOut.size(); i < n; i++) {
            d[i] = g[i] * (1f - out[i] * out[i]);
        }
        return gradIn;
    }
}
