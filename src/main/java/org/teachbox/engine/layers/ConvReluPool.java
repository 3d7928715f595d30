package org.teachbox.engine.layers;

import java.util.List;
import org.teachbox.engine.Parameter;
import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/**
 * Conv2D, then ReLU, then 2 x 2 max-pool, computed as one step. It is the same maths as the three
 * layers one after another, to the bit, only faster: the convolution's output is pooled straight
 * from the rows the matrix product wrote, so the full-size feature map is never copied out, run
 * through ReLU and read again. This is a speed measure, so it compromises the one-layer-one-job
 * modularity; {@code Model} swaps it in for every such triple and still lists the three layers.
 *
 * <p>It relies on max(0, max(a, b, c, d)) = max(max(0, a), ..., max(0, d)): pooling first and
 * clamping after picks the same value. Backward sends each output's gradient to the input that
 * won its window, and only if that input was above 0 (else ReLU's slope, 0, stops it), straight
 * into the convolution kernel's gradient buffer, then runs the kernel's backward. It talks to the
 * convolution only through {@link ConvKernel}'s protocol, whichever kernel that is. The tests check it against the plain loops of {@link Reference}
 * run one after another: convolution, ReLU, max-pool.
 */
public final class ConvReluPool implements Layer {
    private final Conv2D conv;
    private final Shape out;
    private int[] winner = new int[0]; // for every output: where its winner's gradient goes in the kernel's buffer
    private Tensor output;

    public ConvReluPool(Conv2D conv) {
        this.conv = conv;
        Shape c = conv.outputShape();
        this.out = new Shape(c.c(), c.h() / 2, c.w() / 2);
    }

    @Override public String name() { return "conv2d_relu_max_pooling2d"; }

    @Override public Shape inputShape() { return conv.inputShape(); }

    @Override public Shape outputShape() { return out; }

    @Override public List<Parameter> parameters() { return conv.parameters(); }

    @Override public Layer replica() { return new ConvReluPool((Conv2D) conv.replica()); }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        ConvKernel kernel = conv.compute();
        int filters = out.c(), pooled = out.h() * out.w();
        output = Tensor.reuse(output, x.n, filters, out.h(), out.w());
        if (winner.length < output.size()) {
            winner = new int[output.size()];
        }
        float[] dst = output.data;
        boolean vectors = kernel.rowsHaveSlack() && VectorSupport.ENABLED;
        int stride = kernel.rowStride();
        for (int s = 0; s < x.n; s++) {
            float[][] rows = kernel.forward(x, s);
            for (int f = 0; f < filters; f++) {
                int plane = s * filters + f;
                // where backward writes this plane's gradients in the kernel's buffer
                int gradientAt = kernel.gradientIndex(s, f);
                // the windows of each row that whole vectors cover; the loops below do the rest
                int done = vectors ? VectorPool.pool(rows[f], stride, out.h(), out.w(), dst, plane * pooled, winner,
                        gradientAt) : 0;
                if (done == out.w()) {
                    continue;
                }
                if (training) {
                    poolRelu(rows[f], stride, done, dst, plane * pooled, gradientAt);
                } else {
                    poolReluValues(rows[f], stride, done, dst, plane * pooled);
                }
            }
        }
        return output;
    }

    /**
     * max(0, window maximum), and in winner[] the index (plus {@code winnerShift}) of the first
     * input holding that maximum, for the windows from column {@code fromX} on. It compares bit patterns as ints, as {@link #poolReluValues}
     * does: among floats above 0 that is the float order, so wherever the maximum is above 0 the
     * winner is the one MaxPool2D picks. Where it is not, ReLU's slope of 0 stops the gradient,
     * so which input is named there does not matter. The choices are written as conditional
     * expressions that the JIT compiles to conditional moves: on real data they are a coin toss,
     * and branches would be mispredicted half the time.
     */
    private void poolRelu(float[] src, int w, int fromX, float[] dst, int dstOff, int winnerShift) {
        for (int y = 0; y < out.h(); y++) {
            int r0 = 2 * y * w;
            int r1 = r0 + w;
            for (int xo = fromX, o = dstOff + y * out.w() + fromX; xo < out.w(); xo++, o++) {
                int i = r0 + 2 * xo, j = r1 + 2 * xo;
                int a = Float.floatToRawIntBits(src[i]), b = Float.floatToRawIntBits(src[i + 1]);
                int c = Float.floatToRawIntBits(src[j]), d = Float.floatToRawIntBits(src[j + 1]);
                int upper = b > a ? i + 1 : i, upperValue = Math.max(a, b);
                int lower = d > c ? j + 1 : j, lowerValue = Math.max(c, d);
                winner[o] = (lowerValue > upperValue ? lower : upper) + winnerShift;
                dst[o] = Float.intBitsToFloat(Math.max(0, Math.max(upperValue, lowerValue)));
            }
        }
    }

    /**
     * max(0, window maximum) alone, from column {@code fromX} on, for prediction, where no
     * backward follows. It compares the
     * floats' bit patterns as ints: for floats >= 0 the int order is the float order, and every
     * negative float (and -0) is a negative int, so max(0, bits...) is exactly the clamped maximum
     * (+0 when nothing is above 0). An int max is one instruction; Math.max on floats, which must
     * also sort out NaN and -0, is several, which would make this loop cost as much as the
     * convolution before it. Written for speed, not looks.
     */
    private void poolReluValues(float[] src, int w, int fromX, float[] dst, int dstOff) {
        for (int y = 0; y < out.h(); y++) {
            int r0 = 2 * y * w;
            int r1 = r0 + w;
            for (int xo = fromX, o = dstOff + y * out.w() + fromX; xo < out.w(); xo++, o++) {
                int i = r0 + 2 * xo, j = r1 + 2 * xo;
                int upper = Math.max(Float.floatToRawIntBits(src[i]), Float.floatToRawIntBits(src[i + 1]));
                int lower = Math.max(Float.floatToRawIntBits(src[j]), Float.floatToRawIntBits(src[j + 1]));
                dst[o] = Float.intBitsToFloat(Math.max(0, Math.max(upper, lower)));
            }
        }
    }

    /**
     * Needs the winners of the last forward pass, so that pass must have been a training one.
     * The winners' gradients go straight into the kernel's gradient buffer (which it hands over
     * cleared). Each conv output wins at most one window, so each is written once: g where the
     * output was above 0 (o >= 0, so its bits are not 0), else ReLU's slope, 0, stops it (+0,
     * without a branch).
     */
    @Override
    public Tensor backward(Tensor gradOut) {
        ConvKernel kernel = conv.compute();
        float[] d = kernel.gradients(gradOut.n);
        float[] g = gradOut.data, o = output.data;
        int[] winner = this.winner;
        for (int i = 0, n = gradOut.size(); i < n; i++) {
            int live = -Float.floatToRawIntBits(o[i]) >> 31;
            d[winner[i]] = Float.intBitsToFloat(Float.floatToRawIntBits(g[i]) & live);
        }
        return kernel.backward(gradOut.n);
    }
}
