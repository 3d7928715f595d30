package org.teachbox.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.teachbox.engine.Dataset;
import org.teachbox.project.ModelKind;
import org.teachbox.project.ProjectData;
import org.teachbox.project.SampleImage;

/**
 * Turns a project's stored images into the engine's training and validation sets: decode,
 * resize to the model's input, split per class, then let the recipe bend the training half.
 */
record PreparedData(Dataset train, Dataset validation, List<UUID> validationIds,
                    List<TrainingReport.ClassSplit> split, float[] classWeights) {

    static PreparedData of(ProjectData data, long seed, DataRecipe recipe) {
        ModelKind kind = data.project().modelKind();
        int size = kind.inputSize();
        int channels = kind.channels();
        Dataset train = new Dataset(channels, size, size);
        Dataset validation = new Dataset(channels, size, size);
        List<UUID> validationIds = new ArrayList<>();
        List<TrainingReport.ClassSplit> split = new ArrayList<>();
        List<StratifiedSplit.Part> parts = StratifiedSplit.split(
                data.classes().stream().map(c -> c.samples().size()).toList(), seed);
        Random random = new Random(seed ^ 0x5DEECE66DL);
        int[] trainCounts = new int[data.classes().size()];
        for (int c = 0; c < data.classes().size(); c++) {
            List<SampleImage> samples = data.classes().get(c).samples();
            StratifiedSplit.Part part = parts.get(c);
            List<float[]> trainImages = new ArrayList<>();
            for (int i : part.train()) {
                trainImages.add(ModelInput.picture(kind, samples.get(i).image()));
            }
            for (float[] picture : recipe.trainImages(c, trainImages, random)) {
                train.add(ModelInput.forModel(kind, picture), c);
            }
            trainCounts[c] = train.size() - java.util.Arrays.stream(trainCounts).sum();
            for (int i : part.validation()) {
                float[] picture = ModelInput.picture(kind, samples.get(i).image());
                validation.add(ModelInput.forModel(kind, recipe.validationImage(c, picture)), c);
                validationIds.add(samples.get(i).id());
            }
            split.add(new TrainingReport.ClassSplit(data.classes().get(c).imageClass().name(),
                    trainCounts[c], part.validation().size()));
        }
        return new PreparedData(train, validation, validationIds, split, recipe.classWeights(trainCounts));
    }
}
