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
 * Judges a trained model on the project's test pictures, after training is over: nothing here can
 * reach the training set, the split or the choice of epoch. Test pictures go in as they are (no
 * recipe of the bias lab touches them), so a biased and a fair model meet the same fair judge.
 */
final class TestJudge {

    private TestJudge() {
    }

    /** @return null when the project has no test pictures */
    static TestResult judge(Model model, ProjectData data, Embeddings embeddings, int threads) {
        if (!data.hasTestPictures()) {
            return null;
        }
        ModelKind kind = data.project().modelKind();
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
                test.add(vectors[i], labels.get(i));
            }
        } else {
            for (int i = 0; i < pictures.size(); i++) {
                test.add(ModelInput.of(kind, pictures.get(i).image()), labels.get(i));
            }
        }
        Evaluation evaluation = Evaluation.of(model, test);
        int[] predicted = evaluation.predicted();
        float[][] probabilities = evaluation.probabilities();
        List<TrainingReport.ValidationItem> items = new ArrayList<>();
        for (int i = 0; i < pictures.size(); i++) {
            items.add(new TrainingReport.ValidationItem(pictures.get(i).id(), labels.get(i), predicted[i],
                    probabilities[i][predicted[i]]));
        }
        return new TestResult(evaluation.confusion(), items);
    }
}
