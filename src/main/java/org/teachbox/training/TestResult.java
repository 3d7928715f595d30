package org.teachbox.training;

import java.util.List;
import java.util.stream.IntStream;

/**
 * How a finished model did on a project's test pictures: pictures set aside per class that were
 * never trained on and never picked an epoch. Validation comes from the same pictures as training,
 * so a skewed collection ("every cat grey") fools it; a fair set of test pictures does not.
 * {@code confusion[actual][predicted]} counts pictures as the validation matrix does, and
 * {@code pictures} says which test picture landed in which cell. Stored in the run's report.
 */
public record TestResult(int[][] confusion, List<TrainingReport.ValidationItem> pictures) {

    public int count() {
        return pictures.size();
    }

    public double accuracy() {
        long right = pictures.stream().filter(p -> p.actual() == p.predicted()).count();
        return pictures.isEmpty() ? 0 : (double) right / pictures.size();
    }

    /** Test accuracy of each class, and how many test pictures it had (0 for a class without any). */
    public List<TrainingReport.ClassAccuracy> perClassAccuracy(List<String> classNames) {
        return IntStream.range(0, classNames.size()).mapToObj(c -> {
            int total = c < confusion.length ? IntStream.of(confusion[c]).sum() : 0;
            return new TrainingReport.ClassAccuracy(classNames.get(c), total == 0 ? 0 : (double) confusion[c][c] / total,
                    total);
        }).toList();
    }

    /** The test pictures counted in one confusion-matrix cell. */
    public List<TrainingReport.ValidationItem> cell(int actual, int predicted) {
        return pictures.stream().filter(p -> p.actual() == actual && p.predicted() == predicted).toList();
    }
}
