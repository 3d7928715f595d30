package org.teachbox.training;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.teachbox.bias.Cue;
import org.teachbox.bias.ImbalanceRecipe;
import org.teachbox.bias.ShortcutRecipe;
import org.teachbox.engine.Dataset;
import org.teachbox.engine.Evaluation;
import org.teachbox.engine.pretrained.Backbone;
import org.teachbox.imaging.ImageIngest;
import org.teachbox.imaging.ImageLimits;
import org.teachbox.project.ImageClass;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectData;
import org.teachbox.project.SampleImage;
import org.teachbox.pretrained.Embeddings;
import org.teachbox.samples.SampleSet;
import org.teachbox.samples.SampleSets;

/**
 * Which bias-lab lessons show a clear effect with the pretrained backbone and which only from
 * scratch, measured the way the lab runs them (30 epochs, last epoch kept) on circles and squares,
 * 40 training pictures a class, judged on 20 fair test pictures a class:
 * <ul>
 *   <li>skewed collection: fair = any colour, skewed = every circle grey and every square tan;</li>
 *   <li>shortcut: a corner sticker on every circle; how many stickered test squares become circles;</li>
 *   <li>imbalance: squares cut to 10%; the test accuracy of squares, the rare class.</li>
 * </ul>
 * Means over seeds of the pictures. Not a test (its name keeps it out of {@code ./mvnw verify}):
 * <pre>
 *   SkewedCollectionBench BACKBONE_DIR [seeds] [threads]
 * </pre>
 */
final class SkewedCollectionBench {

    private static final int PER_CLASS = 40;
    private static final int TEST_PER_CLASS = 20;
    private static final TrainingSettings LAB = new TrainingSettings(30, TrainingSettings.defaults().batchSize(),
            TrainingSettings.defaults().learningRate(), TrainingSettings.defaults().optimizer());

    private SkewedCollectionBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Embeddings embeddings = Embeddings.inMemory(Backbone.load(Path.of(args[0])));
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        System.out.println("kind        | fair val | fair test | skewed val | skewed test | stickered squares called circle (fair → shortcut) | square test acc (fair → cut to 10%)");
        for (ModelKind kind : List.of(ModelKind.PRETRAINED, ModelKind.IMAGE)) {
            double[] sum = new double[8];
            for (int s = 1; s <= seeds; s++) {
                List<List<SampleImage>> test = stored(SampleSets.circlesAndSquares(TEST_PER_CLASS, 1000 + s, false));
                ProjectData fair = project(kind, stored(SampleSets.circlesAndSquares(PER_CLASS, s, false)), test);
                ProjectData skewed = project(kind, stored(SampleSets.circlesAndSquares(PER_CLASS, 500 + s, true)), test);
                TrainingRun.Outcome f = run(fair, DataRecipe.FAIR, embeddings, threads);
                TrainingRun.Outcome k = run(skewed, DataRecipe.FAIR, embeddings, threads);
                TrainingRun.Outcome cue = run(fair, new ShortcutRecipe(0, Cue.CORNER_PATCH, false, kind.channels(),
                        kind.inputSize()), embeddings, threads);
                TrainingRun.Outcome cut = run(fair, new ImbalanceRecipe(1, 0.10, null), embeddings, threads);
                double[] row = {f.report().validationAccuracy(), f.report().test().accuracy(),
                        k.report().validationAccuracy(), k.report().test().accuracy(),
                        squaresCalledCircle(f, kind, test, embeddings, threads),
                        squaresCalledCircle(cue, kind, test, embeddings, threads),
                        squareAccuracy(f), squareAccuracy(cut)};
                for (int i = 0; i < row.length; i++) {
                    sum[i] += row[i] / seeds;
                }
            }
            System.out.printf("%-11s |   %.2f   |   %.2f    |    %.2f    |    %.2f     |   %.2f → %.2f   |   %.2f → %.2f%n",
                    kind, sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], sum[7]);
        }
    }

    private static TrainingRun.Outcome run(ProjectData data, DataRecipe recipe, Embeddings embeddings, int threads) {
        TrainingRequest request = new TrainingRequest("bench", data.project().id(), Purpose.BIAS_SKEWED, LAB, recipe,
                org.teachbox.engine.TrainConfig.Keep.LAST_EPOCH, (m, r) -> { });
        return new TrainingRun(new TrainingJob(request), threads, e -> { }, embeddings).run(data);
    }

    private static double squareAccuracy(TrainingRun.Outcome outcome) {
        return outcome.report().test().perClassAccuracy(outcome.report().classNames()).get(1).accuracy();
    }

    /** The test squares with the sticker stamped on, and how many the model calls "circle". */
    private static double squaresCalledCircle(TrainingRun.Outcome outcome, ModelKind kind, List<List<SampleImage>> test,
                                              Embeddings embeddings, int threads) {
        List<float[]> pictures = new ArrayList<>();
        for (SampleImage square : test.get(1)) {
            float[] picture = ModelInput.picture(kind, square.image());
            Cue.CORNER_PATCH.stamp(picture, kind.channels(), kind.inputSize());
            pictures.add(picture);
        }
        var shape = outcome.model().inputShape();
        Dataset data = new Dataset(shape.c(), shape.h(), shape.w());
        float[][] inputs = kind == ModelKind.PRETRAINED ? embeddings.ofPictures(pictures, threads)
                : pictures.stream().map(p -> ModelInput.forModel(kind, p)).toArray(float[][]::new);
        for (float[] input : inputs) {
            data.add(input, 1);
        }
        int[] predicted = Evaluation.of(outcome.model(), data).predicted();
        return (double) java.util.Arrays.stream(predicted).filter(p -> p == 0).count() / predicted.length;
    }

    private static List<List<SampleImage>> stored(SampleSet set) throws Exception {
        ImageIngest ingest = new ImageIngest(ImageLimits.defaults());
        List<List<SampleImage>> classes = new ArrayList<>();
        for (var c : set.classes()) {
            List<SampleImage> samples = new ArrayList<>();
            for (BufferedImage image : c.images()) {
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                samples.add(new SampleImage(UUID.randomUUID(), ingest.ingest("p.png", png.toByteArray()).bytes()));
            }
            classes.add(samples);
        }
        return classes;
    }

    private static ProjectData project(ModelKind kind, List<List<SampleImage>> train, List<List<SampleImage>> test) {
        Project project = new Project(UUID.randomUUID(), "bench", kind, 1, Instant.now());
        List<String> names = List.of("circle", "square");
        List<ProjectData.ClassData> classes = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            classes.add(new ProjectData.ClassData(new ImageClass(UUID.randomUUID(), project.id(), names.get(c), c,
                    train.get(c).size()), train.get(c), test.get(c)));
        }
        return new ProjectData(project, classes);
    }
}
