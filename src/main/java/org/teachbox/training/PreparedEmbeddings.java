package org.teachbox.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.teachbox.engine.Dataset;
import org.teachbox.project.ModelKind;
import org.teachbox.project.ProjectData;
import org.teachbox.project.SampleImage;
import org.teachbox.pretrained.Embeddings;

/**
 * The training and validation sets of a pretrained project: the same per-class split as
 * {@link PreparedData}, but each picture is its backbone embedding (1280 numbers) instead of its
 * pixels. Stored embeddings are reused; only pictures a recipe changed (the bias lab's cuts keep
 * pictures, its stickers change them) go through the backbone again, and are not stored.
 */
final class PreparedEmbeddings {

    private PreparedEmbeddings() {
    }

    /** @return null if the job was cancelled while pictures were being read */
    static PreparedData of(ProjectData data, long seed, DataRecipe recipe, Embeddings embeddings, int threads,
                           Embeddings.Progress progress, BooleanSupplier cancelled) {
        List<SampleImage> all = new ArrayList<>();
        data.classes().forEach(c -> all.addAll(c.samples()));
        float[][] stored = embeddings.of(all, threads, progress, cancelled);
        if (stored == null) {
            return null;
        }
        int size = stored.length == 0 ? embeddings.backbone().orElseThrow().embeddingSize() : stored[0].length;
        Dataset train = new Dataset(size, 1, 1);
        Dataset validation = new Dataset(size, 1, 1);
        List<UUID> validationIds = new ArrayList<>();
        List<TrainingReport.ClassSplit> split = new ArrayList<>();
        List<StratifiedSplit.Part> parts = StratifiedSplit.split(
                data.classes().stream().map(c -> c.samples().size()).toList(), seed);
        Random random = new Random(seed ^ 0x5DEECE66DL);
        int[] trainCounts = new int[data.classes().size()];
        int first = 0;
        for (int c = 0; c < data.classes().size(); c++) {
            List<SampleImage> samples = data.classes().get(c).samples();
            StratifiedSplit.Part part = parts.get(c);
            if (recipe == DataRecipe.FAIR) {
                for (int i : part.train()) {
                    train.add(stored[first + i], c);
                }
                trainCounts[c] = part.train().size();
            } else {
                // Pictures the recipe hands back untouched keep their stored embedding. Recipes may
                // stamp a picture in place, so "untouched" means same array and same content.
                Map<float[], float[]> known = new IdentityHashMap<>();
                Map<float[], Integer> contents = new IdentityHashMap<>();
                List<float[]> pictures = new ArrayList<>();
                for (int i : part.train()) {
                    float[] picture = ModelInput.picture(ModelKind.PRETRAINED, samples.get(i).image());
                    known.put(picture, stored[first + i]);
                    contents.put(picture, Arrays.hashCode(picture));
                    pictures.add(picture);
                }
                List<float[]> bent = recipe.trainImages(c, pictures, random);
                known.keySet().removeIf(p -> Arrays.hashCode(p) != contents.get(p));
                for (float[] vector : vectors(bent, known, embeddings, threads)) {
                    train.add(vector, c);
                }
                trainCounts[c] = bent.size();
            }
            for (int i : part.validation()) {
                float[] vector = stored[first + i];
                if (recipe != DataRecipe.FAIR) {
                    float[] picture = ModelInput.picture(ModelKind.PRETRAINED, samples.get(i).image());
                    float[] changed = recipe.validationImage(c, picture);
                    if (changed != picture) {
                        vector = embeddings.ofPictures(List.of(changed), threads)[0];
                    }
                }
                validation.add(vector, c);
                validationIds.add(samples.get(i).id());
            }
            split.add(new TrainingReport.ClassSplit(data.classes().get(c).imageClass().name(),
                    trainCounts[c], part.validation().size()));
            first += samples.size();
        }
        return new PreparedData(train, validation, validationIds, split, recipe.classWeights(trainCounts));
    }

    private static List<float[]> vectors(List<float[]> pictures, Map<float[], float[]> known, Embeddings embeddings,
                                         int threads) {
        List<float[]> changed = pictures.stream().filter(p -> !known.containsKey(p)).distinct().toList();
        float[][] fresh = changed.isEmpty() ? new float[0][] : embeddings.ofPictures(changed, threads);
        Map<float[], float[]> made = new IdentityHashMap<>(known);
        for (int i = 0; i < fresh.length; i++) {
            made.put(changed.get(i), fresh[i]);
        }
        return pictures.stream().map(made::get).toList();
    }
}
