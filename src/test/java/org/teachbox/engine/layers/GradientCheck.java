package org.teachbox.engine.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.teachbox.engine.Parameter;
import org.teachbox.engine.Tensor;

/**
 * Finite-difference gradient checking. For the scalar L = sum(out * r), with r a fixed random
 * tensor, backward(r) must equal dL/d(input) and each parameter's grad must equal dL/d(param).
 * Each numerical derivative is the central difference (L(v + e) - L(v - e)) / 2e, summed in
 * double. The tolerance is loose enough for float rounding and far too tight for a wrong index,
 * which typically makes an error of the size of the gradient itself.
 */
final class GradientCheck {
    private static final float EPS = 1e-2f;

    private GradientCheck() {}

    static void check(Layer layer, Tensor input, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor out = layer.forward(input, true);
        float[] r = new float[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) (random.nextDouble() * 2 - 1);
        }
        for (Parameter p : layer.parameters()) {
            p.zeroGrad();
        }
        Tensor gradIn = layer.backward(new Tensor(out.n, out.c, out.h, out.w, r.clone()));
        float[] analyticIn = gradIn == null ? null : gradIn.data.clone();

        if (analyticIn != null) {
            for (int i = 0; i < input.size(); i++) {
                assertClose(numeric(layer, input, input.data, i, r, null), analyticIn[i], "input[" + i + "]");
            }
        }
        for (Parameter p : layer.parameters()) {
            float[] analytic = p.grad.clone();
            for (int i = 0; i < p.size(); i++) {
                assertClose(numeric(layer, input, p.data, i, r, p), analytic[i], p.name + "[" + i + "]");
            }
        }
    }

    private static double numeric(Layer layer, Tensor input, float[] values, int i, float[] r, Parameter owner) {
        float saved = values[i];
        set(values, i, saved + EPS, owner);
        double plus = dot(layer.forward(input, true), r);
        set(values, i, saved - EPS, owner);
        double minus = dot(layer.forward(input, true), r);
        set(values, i, saved, owner);
        return (plus - minus) / (2 * EPS);
    }

    private static void set(float[] values, int i, float value, Parameter owner) {
        values[i] = value;
        if (owner != null) {
            owner.changed(); // layers may cache a rearranged copy of their weights
        }
    }

    private static double dot(Tensor out, float[] r) {
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            s += (double) out.data[i] * r[i];
        }
        return s;
    }

    private static void assertClose(double numeric, float analytic, String what) {
        double tolerance = 2e-3 + 1e-2 * Math.abs(numeric);
        assertThat((double) analytic).as(what).isCloseTo(numeric, org.assertj.core.data.Offset.offset(tolerance));
    }

    /** Random values spaced at least 0.05 apart and away from 0, so max and ReLU never flip under EPS. */
    static Tensor distinctInput(int n, int c, int h, int w, long seed) {
        Tensor t = new Tensor(n, c, h, w);
        int size = t.size();
        int[] perm = new int[size];
        for (int i = 0; i < size; i++) {
            perm[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        for (int i = 0; i < size; i++) {
            t.data[i] = (perm[i] - size / 2f + 0.5f) * 0.05f;
        }
        return t;
    }
}
