package org.teachbox.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.teachbox.engine.Classifier;
import org.teachbox.engine.Model;
import org.teachbox.engine.pretrained.Backbone;
import org.teachbox.engine.pretrained.BackboneClassifier;
import org.teachbox.imaging.ImageIngest;
import org.teachbox.imaging.ImageLimits;
import org.teachbox.imaging.ImageRejectedException;
import org.teachbox.project.ImageClass;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectData;
import org.teachbox.project.SampleImage;
import org.teachbox.pretrained.Embeddings;

/**
 * How well a project trained by the app recognises pictures it has never seen. Every step is
 * the app's own: uploads go through {@link ImageIngest} (square JPEG), {@link TrainingRun} builds
 * the network, splits 85/15, augments and trains with the default settings, and held-out
 * pictures are predicted the way Preview does ({@link ModelInput#of}, {@link Model#predict}).
 * {@code bench/accuracy-vs-torch.sh} runs {@link #main} beside PyTorch on the same PNG files;
 * {@code FashionMnistHeldOutTest} keeps one case of it in the suite.
 *
 * <pre>
 *   HeldOutAccuracy write DATA_DIR SEED   writes train/&lt;class&gt;/ (50 a class, drawn by SEED) and
 *                                         test/&lt;class&gt;/ (the first 100 a class of t10k) as PNG
 *   HeldOutAccuracy score DATA_DIR [BACKBONE]  trains on train/ (the pretrained kind if given a
 *                                         backbone folder), prints "engine heldout=&lt;acc&gt; ..."
 * </pre>
 */
final class HeldOutAccuracy {

    static final int TRAIN_PER_CLASS = 50;
    static final int TEST_PER_CLASS = 100;
    private static final int THREADS = 2;

    /**
     * What one run scored, with its per-class held-out accuracy. {@code millis} is the training
     * run; for the pretrained kind it starts with every embedding already made, which took
     * {@code embedMillis} for {@code embedded} pictures (0 for the other kinds).
     */
    record Score(double validation, double heldOut, double[] perClass, int bestEpoch, long millis,
                 long embedMillis, int embedded) {
    }

    private HeldOutAccuracy() {
    }

    /** Trains a photo project on {@code train} (PNG/JPEG files per class) and scores {@code test}. */
    static Score trainAndScore(List<String> classNames, List<List<byte[]>> train, List<List<byte[]>> test) {
        return trainAndScore(ModelKind.IMAGE, null, classNames, train, test);
    }

    /** As above for any kind; {@code backbone} is needed for (and only used by) the pretrained kind. */
    static Score trainAndScore(ModelKind kind, Backbone backbone, List<String> classNames, List<List<byte[]>> train,
                               List<List<byte[]>> test) {
        ImageIngest ingest = new ImageIngest(ImageLimits.defaults());
        Project project = new Project(UUID.randomUUID(), "held-out", kind, 1, Instant.now());
        List<ProjectData.ClassData> classes = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            List<SampleImage> samples = new ArrayList<>();
            for (byte[] file : train.get(c)) {
                samples.add(new SampleImage(UUID.randomUUID(), stored(ingest, file)));
            }
            classes.add(new ProjectData.ClassData(
                    new ImageClass(UUID.randomUUID(), project.id(), classNames.get(c), c, samples.size()), samples));
        }
        TrainingRequest request = new TrainingRequest("bench", project.id(), Purpose.PROJECT,
                TrainingSettings.defaults(), DataRecipe.FAIR, (m, r) -> { });
        Embeddings embeddings = backbone == null ? null : Embeddings.inMemory(backbone);
        long embedMillis = 0;
        int embedded = 0;
        if (kind == ModelKind.PRETRAINED) {
            // what uploading costs: each picture through the backbone once (then stored)
            List<SampleImage> all = classes.stream().flatMap(c -> c.samples().stream()).toList();
            long t0 = System.nanoTime();
            embeddings.of(all, THREADS, (done, total) -> { }, () -> false);
            embedMillis = (System.nanoTime() - t0) / 1_000_000;
            embedded = all.size();
        }
        TrainingRun.Outcome outcome = new TrainingRun(new TrainingJob(request), THREADS, e -> { }, embeddings)
                .run(new ProjectData(project, classes));
        Classifier model = kind == ModelKind.PRETRAINED
                ? new BackboneClassifier(backbone, outcome.model(), THREADS) : outcome.model();

        int right = 0, total = 0;
        double[] perClass = new double[classNames.size()];
        for (int c = 0; c < classNames.size(); c++) {
            int rightHere = 0;
            for (byte[] file : test.get(c)) {
                float[] p = model.predict(ModelInput.of(kind, stored(ingest, file)));
                if (argmax(p) == c) {
                    rightHere++;
                }
            }
            perClass[c] = (double) rightHere / test.get(c).size();
            right += rightHere;
            total += test.get(c).size();
        }
        TrainingReport report = outcome.report();
        double validation = report.history().stream().filter(e -> e.epoch() == report.bestEpoch())
                .mapToDouble(TrainingReport.EpochRow::validationAccuracy).findFirst().orElse(Double.NaN);
        return new Score(validation, (double) right / total, perClass, report.bestEpoch(), report.durationMillis(),
                embedMillis, embedded);
    }

    private static byte[] stored(ImageIngest ingest, byte[] file) {
        try {
            return ingest.ingest("picture.png", file).bytes();
        } catch (ImageRejectedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        if (args.length == 3 && args[0].equals("write")) {
            write(Path.of(args[1]), Long.parseLong(args[2]));
        } else if ((args.length == 2 || args.length == 3) && args[0].equals("score")) {
            Path dir = Path.of(args[1]);
            Backbone backbone = args.length == 3 ? Backbone.load(Path.of(args[2])) : null;
            ModelKind kind = backbone == null ? ModelKind.IMAGE : ModelKind.PRETRAINED;
            List<String> names = classNames(dir.resolve("train"));
            Score s = trainAndScore(kind, backbone, names, readSplit(dir.resolve("train"), names),
                    readSplit(dir.resolve("test"), names));
            StringBuilder per = new StringBuilder();
            for (int c = 0; c < names.size(); c++) {
                per.append(String.format("%s%s %.2f", c == 0 ? "" : ", ", names.get(c), s.perClass()[c]));
            }
            System.out.printf("%s heldout=%.3f (%s); val acc %.3f at best epoch %d; train %.2f s%s%n",
                    backbone == null ? "engine" : "pretrained", s.heldOut(), per, s.validation(), s.bestEpoch(),
                    s.millis() / 1000.0, backbone == null ? "" : String.format("; embed %d pictures %.1f s (%.1f ms each)",
                            s.embedded(), s.embedMillis() / 1000.0, (double) s.embedMillis() / s.embedded()));
        } else {
            System.err.println("usage: HeldOutAccuracy write DATA_DIR SEED | score DATA_DIR");
            System.exit(2);
        }
    }

    private static void write(Path dir, long seed) throws IOException {
        FashionMnist train = FashionMnist.read(FashionMnist.DEBIAN_DIR, "train");
        FashionMnist test = FashionMnist.read(FashionMnist.DEBIAN_DIR, "t10k");
        for (int c = 0; c < FashionMnist.FIRST_FIVE.size(); c++) {
            // a digit in front keeps the folders in label order for a sorted listing (tm_reference.py)
            String name = c + "-" + FashionMnist.FIRST_FIVE.get(c);
            writeAll(dir.resolve("train").resolve(name), train.drawPng(c, TRAIN_PER_CLASS, seed));
            writeAll(dir.resolve("test").resolve(name), test.firstPng(c, TEST_PER_CLASS));
        }
    }

    private static void writeAll(Path dir, List<byte[]> files) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < files.size(); i++) {
            Files.write(dir.resolve(String.format("%03d.png", i)), files.get(i));
        }
    }

    private static List<String> classNames(Path split) throws IOException {
        try (Stream<Path> dirs = Files.list(split)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<List<byte[]>> readSplit(Path split, List<String> names) {
        List<List<byte[]>> out = new ArrayList<>();
        for (String name : names) {
            try (Stream<Path> files = Files.list(split.resolve(name))) {
                out.add(files.sorted().map(HeldOutAccuracy::bytes).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
