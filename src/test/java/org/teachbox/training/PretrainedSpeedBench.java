package org.teachbox.training;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.teachbox.engine.pretrained.Backbone;
import org.teachbox.imaging.ImageIngest;
import org.teachbox.imaging.ImageLimits;
import org.teachbox.project.ImageClass;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectData;
import org.teachbox.project.SampleImage;
import org.teachbox.pretrained.Embeddings;
import org.teachbox.samples.SampleClass;
import org.teachbox.samples.SampleSets;

/**
 * How long a pretrained photo project takes, the way the app runs it: every picture through
 * ingest and the backbone once (what an upload costs), then Train to verdict with the defaults
 * (50 epochs, batch 16, Adam 0.001) once the embeddings exist. Two classroom sizes: 3 x 50
 * pictures and the 400-photo cats-and-dogs lesson (2 x 200). Each is run a few times in one JVM,
 * as a server that has trained before runs it, and the median is printed:
 * <pre>
 *   PretrainedSpeedBench BACKBONE_DIR [threads]
 *   pretrained classes=3 pictures=150 embed_ms_per_picture=.. train_to_verdict_s=..
 * </pre>
 * {@code bench/pretrained-speed.sh} runs it.
 */
final class PretrainedSpeedBench {

    private static final int ROUNDS = 3;

    private PretrainedSpeedBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Backbone backbone = Backbone.load(Path.of(args[0]));
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        for (int[] size : new int[][] {{3, 50}, {2, 200}}) {
            ProjectData data = project(size[0], size[1]);
            double[] embed = new double[ROUNDS];
            double[] train = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                Embeddings embeddings = Embeddings.inMemory(backbone);
                List<SampleImage> all = data.classes().stream().flatMap(c -> c.samples().stream()).toList();
                long t0 = System.nanoTime();
                embeddings.of(all, threads, (done, total) -> { }, () -> false);
                embed[r] = (System.nanoTime() - t0) / 1e6 / all.size();
                TrainingRequest request = new TrainingRequest("bench", data.project().id(), Purpose.PROJECT,
                        TrainingSettings.defaults(), DataRecipe.FAIR, (m, rep) -> { });
                long t1 = System.nanoTime();
                new TrainingRun(new TrainingJob(request), threads, e -> { }, embeddings).run(data);
                train[r] = (System.nanoTime() - t1) / 1e9;
            }
            System.out.printf("pretrained classes=%d pictures=%d embed_ms_per_picture=%.1f train_to_verdict_s=%.2f%n",
                    size[0], size[0] * size[1], median(embed), median(train));
        }
    }

    private static ProjectData project(int classes, int perClass) throws Exception {
        ImageIngest ingest = new ImageIngest(ImageLimits.defaults());
        Project project = new Project(UUID.randomUUID(), "speed", ModelKind.PRETRAINED, 1, Instant.now());
        List<SampleClass> drawn = SampleSets.shapes(perClass, 3).classes();
        List<ProjectData.ClassData> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<SampleImage> samples = new ArrayList<>();
            for (var image : drawn.get(c % drawn.size()).images()) {
                java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
                javax.imageio.ImageIO.write(image, "png", png);
                samples.add(new SampleImage(UUID.randomUUID(), ingest.ingest("p.png", png.toByteArray()).bytes()));
            }
            out.add(new ProjectData.ClassData(new ImageClass(UUID.randomUUID(), project.id(), "c" + c, c, samples.size()),
                    samples));
        }
        return new ProjectData(project, out);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
