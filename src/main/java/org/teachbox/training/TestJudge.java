package org.teachbox.training;

import java.util.ArrayList;
import java.util.List;

import org.teachbox.engine.Dataset;
import org.teachbox.engine.Evaluation;
import org.teachbox.engine.Model;
import org.teachbox.engine.Shape;
import org.teachbox.project.ModelKind;
import org.teachbox.project.ProjectData;
import org.teachbox.project.SampleImage;
import org.teachbox.pretrained.Embeddings;

/**
 * Judges a trained model on a project's test pictures, after training is over: nothing here can
 * reach the training set, the split or the choice of epoch. Test pictures go in as they are (no
 * recipe of the bias lab touches them), so a biased and a fair model meet the same fair judge.
 * The bias lab's skewed collection also judges models trained on other projects here: their
 * classes are matched to the judging project's by name.
 */
public final class TestJudge {

    private TestJudge() {
    }

    /** @return null when the project has no test pictures */
    static TestResult judge(Model model, ProjectData data, Embeddings embeddings, int threads) {
        return judge(model, data.project().modelKind(), data.classNames(), data, embeddings, threads);
    }

    /**
     * Judges a model of {@code kind} whose outputs are {@code modelClasses} on the test pictures
     * of {@code data}, a project with the same class names (in any order). The result is in the
     * judging project's class order. A pretrained model is its head: pictures go through the
     * backbone first, with their stored embeddings (they are the project's own, unchanged pictures).
     *
     * @return null when the project has no test pictures
     */
    public static TestResult judge(Model model, ModelKind kind, List<String> modelClasses, ProjectData data,
                                   Embeddings embeddings, int threads) {
        if (!data.hasTestPictures()) {
            return null;
        }
        int[] toJudge = new int[modelClasses.size()];
        for (int i = 0; i < toJudge.length; i++) {
            toJudge[i] = data.classNames().indexOf(modelClasses.get(i));
            if (toJudge[i] < 0) {
                throw new IllegalArgumentException("class " + modelClasses.get(i) + " is not in " + data.classNames());
            }
        }
        List<SampleImage> pictures = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < data.classes().size(); c++) {
            for (SampleImage picture : data.classes().get(c).testSamples()) {
                pictures.add(picture);
                labels.add(c);
            }
        }
        Shape shape = model.inputShape();
        Dataset test = new Dataset(shape.c(), shape.h(), shape.w());
        if (kind == ModelKind.PRETRAINED) {
            float[][] vectors = embeddings.of(pictures, threads, (done, total) -> { }, () -> false);
            for (int i = 0; i < vectors.length; i++) {
                test.add(vectors[i], 0);
            }
        } else {
            for (SampleImage picture : pictures) {
                test.add(ModelInput.of(kind, picture.image()), 0);
            }
        }
        // labels are counted here, in the judge's order; the model's own order only names its outputs
        Evaluation evaluation = Evaluation.of(model, test);
        int k = data.classes().size();
        int[][] confusion = new int[k][k];
        int[] outputs = evaluation.predicted();
        float[][] probabilities = evaluation.probabilities();
        List<TrainingReport.ValidationItem> items = new ArrayList<>();
        for (int i = 0; i < pictures.size(); i++) {
            int predicted = toJudge[outputs[i]];
            confusion[labels.get(i)][predicted]++;
            items.add(new TrainingReport.ValidationItem(pictures.get(i).id(), labels.get(i), predicted,
                    probabilities[i][outputs[i]]));
        }
        return new TestResult(confusion, items);
    }
}
