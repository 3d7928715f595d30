package org.teachbox.bias;

import java.util.List;

import org.teachbox.training.TrainingReport;

/**
 * The numbers the lab puts side by side for one run, all measured on one balanced set of
 * pictures (validation, or the project's test pictures): accuracy per class, and how often each class is predicted against how often
 * it is the truth.
 */
public record RunSummary(List<String> classNames, double accuracy, double[] perClassAccuracy,
                         double[] predictedShare, double[] trueShare, int[][] confusion) {

    public static RunSummary of(TrainingReport report) {
        return of(report.classNames(), report.confusion());
    }

    /** The numbers of any confusion matrix ({@code m[actual][predicted]}), e.g. on test pictures. */
    public static RunSummary of(List<String> classNames, int[][] m) {
        int k = classNames.size();
        double[] perClass = new double[k];
        double[] predicted = new double[k];
        double[] truth = new double[k];
        int total = 0;
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                total += m[a][p];
                truth[a] += m[a][p];
                predicted[p] += m[a][p];
            }
        }
        for (int c = 0; c < k; c++) {
            perClass[c] = truth[c] == 0 ? 0 : m[c][c] / truth[c];
            predicted[c] = total == 0 ? 0 : predicted[c] / total;
            truth[c] = total == 0 ? 0 : truth[c] / total;
        }
        double right = 0;
        for (int c = 0; c < k; c++) {
            right += m[c][c];
        }
        return new RunSummary(classNames, total == 0 ? 0 : right / total, perClass, predicted, truth, m);
    }

    /** The class predicted most often beyond its true share, the direction a skew pulls. */
    public int mostOverPredicted() {
        int best = 0;
        for (int c = 1; c < predictedShare.length; c++) {
            if (predictedShare[c] - trueShare[c] > predictedShare[best] - trueShare[best]) {
                best = c;
            }
        }
        return best;
    }
}
