package org.teachbox.training;

import java.util.List;
import java.util.UUID;

/**
 * Everything "Under the hood" shows about one finished run, stored as JSON next to the model:
 * curves, the split, per-class accuracy, the confusion matrix and which validation image landed
 * in which cell (so a click on a cell can show its images). {@code test} is how the model did on
 * the project's test pictures, or null when it had none (and in reports stored before test
 * pictures existed, whose JSON has no such field).
 */
public record TrainingReport(
        Status status,
        TrainingSettings settings,
        List<String> classNames,
        List<ClassSplit> split,
        List<EpochRow> history,
        int bestEpoch,
        int[][] confusion,
        List<ValidationItem> validation,
        List<LayerRow> layers,
        long parameters,
        long durationMillis,
        double imagesPerSecond,
        long dataVersion,
        TestResult test) {

    /** A report without test pictures. */
    public TrainingReport(Status status, TrainingSettings settings, List<String> classNames, List<ClassSplit> split,
                          List<EpochRow> history, int bestEpoch, int[][] confusion, List<ValidationItem> validation,
                          List<LayerRow> layers, long parameters, long durationMillis, double imagesPerSecond,
                          long dataVersion) {
        this(status, settings, classNames, split, history, bestEpoch, confusion, validation, layers, parameters,
                durationMillis, imagesPerSecond, dataVersion, null);
    }

    /** How a training ended; stored by name in the report JSON. */
    public enum Status {
        COMPLETED, CANCELLED, DIVERGED
    }

    public static final Status COMPLETED = Status.COMPLETED;
    public static final Status CANCELLED = Status.CANCELLED;
    public static final Status DIVERGED = Status.DIVERGED;

    public record ClassSplit(String name, int train, int validation) {
    }

    public record EpochRow(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                           double validationAccuracy) {
    }

    /** One validation image: where it belongs, what the model said and how sure it was. */
    public record ValidationItem(UUID sampleId, int actual, int predicted, double confidence) {
    }

    /** One row of the model summary; {@code frozen} rows belong to the pretrained backbone and are not trained. */
    public record LayerRow(String name, String outputShape, long parameters, boolean frozen) {
    }

    /** Accuracy of one class on validation, and how many validation images it had. */
    public record ClassAccuracy(String name, double accuracy, int count) {
    }

    public List<ClassAccuracy> perClassAccuracy() {
        return java.util.stream.IntStream.range(0, classNames.size()).mapToObj(c -> {
            int total = 0;
            for (int p = 0; p < confusion[c].length; p++) {
                total += confusion[c][p];
            }
            return new ClassAccuracy(classNames.get(c), total == 0 ? 0 : (double) confusion[c][c] / total, total);
        }).toList();
    }

    public double validationAccuracy() {
        int right = 0;
        int total = 0;
        for (int a = 0; a < confusion.length; a++) {
            for (int p = 0; p < confusion[a].length; p++) {
                total += confusion[a][p];
                if (a == p) {
                    right += confusion[a][p];
                }
            }
        }
        return total == 0 ? 0 : (double) right / total;
    }

    /** The validation images counted in one confusion-matrix cell. */
    public List<ValidationItem> cell(int actual, int predicted) {
        return validation.stream().filter(v -> v.actual() == actual && v.predicted() == predicted).toList();
    }
}
