package org.teachbox.engine;

/**
 * Softmax followed by categorical cross-entropy, fused into one step because together they are
 * both simpler and numerically safer than apart.
 *
 * <p>For logits z and true class y: loss = -ln softmax(z)[y] = logsumexp(z) - z[y], where
 * logsumexp(z) = m + ln(sum exp(z[i] - m)) with m = max(z), so exp never overflows. The gradient
 * with respect to the logits is simply softmax(z) - onehot(y).
 *
 * <p>With class weights w, each sample counts w[y] times; the batch loss is sum(w[y] * loss) divided
 * by the normaliser the caller passes (the Trainer passes the batch size, as Keras' class_weight).
 */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {}

    /** Writes softmax(z) for the k logits at {@code off} into {@code probs} at {@code off}. */
    public static void softmax(float[] logits, int off, int k, float[] probs, int probsOff) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            max = Math.max(max, logits[off + i]);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            float e = (float) Math.exp(logits[off + i] - max);
            probs[probsOff + i] = e;
            sum += e;
        }
        for (int i = 0; i < k; i++) {
            probs[probsOff + i] = (float) (probs[probsOff + i] / sum);
        }
    }

    /** -ln softmax(z)[label] for one sample, computed as logsumexp(z) - z[label]. */
    public static float loss(float[] logits, int off, int k, int label) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            max = Math.max(max, logits[off + i]);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += Math.exp(logits[off + i] - max);
        }
        return (float) (max + Math.log(sum) - logits[off + label]);
    }

    /**
     * Loss and gradient for a batch of logits [n x k]. Returns the weighted sum of the sample
     * losses (not yet divided); writes d(loss)/d(logits) into {@code grad}, already divided by
     * {@code normaliser} (the batch's total weight, which the caller knows for the whole batch
     * even when it hands this method only a part of it).
     *
     * @param weights per-class weights, or null for all 1
     */
    public static double lossAndGradient(Tensor logits, int[] labels, int labelOff, float[] weights,
                                         float normaliser, Tensor grad) {
        int k = logits.c;
        double total = 0;
        for (int s = 0; s < logits.n; s++) {
            int off = s * k;
            int y = labels[labelOff + s];
            float w = weights == null ? 1f : weights[y];
            total += w * loss(logits.data, off, k, y);
            softmax(logits.data, off, k, grad.data, off);
            grad.data[off + y] -= 1f;
            float scale = w / normaliser;
            for (int i = 0; i < k; i++) {
                grad.data[off + i] *= scale;
            }
        }
        return total;
    }
}
