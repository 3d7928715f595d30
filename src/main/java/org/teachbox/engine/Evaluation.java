package org.teachbox.engine;

/**
 * A model's predictions over a whole dataset and the usual summaries: accuracy, per-class
 * accuracy and the confusion matrix, where confusion[actual][predicted] counts images of class
 * {@code actual} that the model called {@code predicted}. The diagonal holds the correct ones.
 */
public final class Evaluation {
    private static final int CHUNK = 32;

    private final int[] actual;
    private final int[] predicted;
    private final float[][] probabilities;
    private final int classes;

    private Evaluation(int[] actual, int[] predicted, float[][] probabilities, int classes) {
        this.actual = actual;
        this.predicted = predicted;
        this.probabilities = probabilities;
        this.classes = classes;
    }

    public static Evaluation of(Model model, Dataset data) {
        int k = model.numClasses();
        int size = data.size();
        int[] actual = new int[size];
        int[] predicted = new int[size];
        float[][] probabilities = new float[size][k];
        Model worker = model.replica();
        Shape s = model.inputShape();
        for (int a = 0; a < size; a += CHUNK) {
            int n = Math.min(CHUNK, size - a);
            Tensor input = new Tensor(n, s.c(), s.h(), s.w());
            for (int i = 0; i < n; i++) {
                System.arraycopy(data.image(a + i), 0, input.data, i * s.size(), s.size());
            }
            Tensor logits = worker.forward(input, false);
            for (int i = 0; i < n; i++) {
                SoftmaxCrossEntropy.softmax(logits.data, i * k, k, probabilities[a + i], 0);
                predicted[a + i] = Trainer.argmax(logits.data, i * k, k);
                actual[a + i] = data.label(a + i);
            }
        }
        return new Evaluation(actual, predicted, probabilities, k);
    }

    public int[] predicted() { return predicted.clone(); }

    public float[][] probabilities() {
        float[][] copy = new float[probabilities.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = probabilities[i].clone();
        }
        return copy;
    }

    public int[][] confusion() {
        int[][] m = new int[classes][classes];
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] < classes) {
                m[actual[i]][predicted[i]]++;
            }
        }
        return m;
    }

    /** Fraction of images predicted correctly; NaN for an empty dataset. */
    public float accuracy() {
        int correct = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] == predicted[i]) {
                correct++;
            }
        }
        return actual.length == 0 ? Float.NaN : (float) correct / actual.length;
    }

    /** For each class, the fraction of its images predicted correctly (recall); NaN if it has none. */
    public float[] perClassAccuracy() {
        int[][] m = confusion();
        int[] count = perClassCount();
        float[] acc = new float[classes];
        for (int c = 0; c < classes; c++) {
            acc[c] = count[c] == 0 ? Float.NaN : (float) m[c][c] / count[c];
        }
        return acc;
    }

    /** Number of images of each actual class. */
    public int[] perClassCount() {
        int[] count = new int[classes];
        for (int a : actual) {
            if (a < classes) {
                count[a]++;
            }
        }
        return count;
    }
}
