package org.teachbox.engine.bench;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.teachbox.engine.pretrained.Backbone;

/**
 * The Java half of bench/backbone-vs-torch.sh: loads Teachable Machine's MobileNetV2, embeds the
 * 224 px pictures of a folder (TM's scaling, pixel / 127 - 1), writes the embeddings as JSON lines
 * for the script to compare with PyTorch's, then times batches of 16 and single pictures on the
 * given threads. Each timing is the median of five runs of about a second, after a warm-up.
 * It lives under src/test so it never ships in the app jar.
 *
 * <p>Usage: BackboneBench BACKBONE_DIR PICTURE_DIR EMBEDDINGS_OUT [threads]
 */
public final class BackboneBench {
    private BackboneBench() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        long t = System.nanoTime();
        Backbone backbone = Backbone.load(dir);
        double loadMs = (System.nanoTime() - t) / 1e6;
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(args[1]))) {
            files = list.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        float[][] pictures = new float[files.size()][];
        for (int i = 0; i < pictures.length; i++) {
            pictures[i] = tmInput(files.get(i).toFile(), backbone.inputSize());
        }
        float[][] embeddings = backbone.embed(pictures, threads);
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < pictures.length; i++) {
            json.append("{\"file\": \"").append(files.get(i).getFileName()).append("\", \"embedding\": ")
                    .append(Arrays.toString(embeddings[i])).append("}\n");
        }
        Files.writeString(Path.of(args[2]), json);

        float[][] batch = new float[16][];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = pictures[i % pictures.length];
        }
        float[][] one = {pictures[0]};
        for (long end = System.nanoTime() + 3_000_000_000L; System.nanoTime() < end; ) { // JIT warm-up
            backbone.embed(batch, threads);
            backbone.embed(one, threads);
        }
        double batchMs = median(() -> backbone.embed(batch, threads), batch.length);
        double singleMs = median(() -> backbone.embed(one, threads), 1);
        System.out.printf("java %s threads=%d load_ms=%.0f batch=16 embed_ms=%.2f batch=1 embed_ms=%.2f params=%d fingerprint=%s%n",
                Runtime.version().feature(), threads, loadMs, batchMs, singleMs, backbone.parameterCount(),
                backbone.fingerprint());
    }

    /** Median over five runs of ms per picture, each run repeating the call for about a second. */
    private static double median(Runnable call, int picturesPerCall) {
        double[] runs = new double[5];
        for (int r = 0; r < runs.length; r++) {
            int calls = 0;
            long start = System.nanoTime();
            long end = start + 1_000_000_000L;
            do {
                call.run();
                calls++;
            } while (System.nanoTime() < end);
            runs[r] = (System.nanoTime() - start) / 1e6 / (calls * picturesPerCall);
        }
        Arrays.sort(runs);
        return runs[runs.length / 2];
    }

    /** Teachable Machine's input: centre square crop assumed done, pixel / 127 - 1, channel-major. */
    private static float[] tmInput(File file, int size) throws IOException {
        BufferedImage image = ImageIO.read(file);
        if (image == null || image.getWidth() != size || image.getHeight() != size) {
            throw new IOException(file + " is not a " + size + " x " + size + " picture");
        }
        float[] chw = new float[3 * size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = image.getRGB(x, y);
                chw[y * size + x] = ((rgb >> 16) & 0xFF) / 127f - 1f;
                chw[size * size + y * size + x] = ((rgb >> 8) & 0xFF) / 127f - 1f;
                chw[2 * size * size + y * size + x] = (rgb & 0xFF) / 127f - 1f;
            }
        }
        return chw;
    }
}
