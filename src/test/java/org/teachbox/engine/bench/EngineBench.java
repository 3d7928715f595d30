package org.teachbox.engine.bench;

import java.util.SplittableRandom;
import org.teachbox.engine.Augmentation;
import org.teachbox.engine.Dataset;
import org.teachbox.engine.Model;
import org.teachbox.engine.Presets;
import org.teachbox.engine.TrainConfig;
import org.teachbox.engine.Trainer;
import org.teachbox.engine.optim.Adam;

/**
 * The engine half of bench/engine-vs-torch.sh. Mirrors ../shared/bench/torch_ref.py: RefCNN on
 * 320 random images, one warm-up epoch, then timed epochs; then single-image inference latency.
 * Also times the default classroom project (3 classes x 50 images, 85% for training, 50 epochs,
 * batch 16, augmentation on). It lives under src/test so it never ships in the app jar.
 *
 * <p>Usage: EngineBench [size] [batch] [threads] [epochs] [--no-classroom]
 */
public final class EngineBench {
    private EngineBench() {}

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        boolean classroom = !(args.length > 4 && args[4].equals("--no-classroom"));
        int classes = 3;
        int n = 320;

        Dataset data = random(n, 3, size, classes, 0);
        Model model = Presets.refCnn(classes, size, 3, 0);
        Trainer warmup = new Trainer(new TrainConfig(2, batch, new Adam(), 0, Augmentation.none(), null, threads));
        warmup.fit(model, data, null, null, null);
        Trainer timed = new Trainer(new TrainConfig(epochs, batch, new Adam(), 0, Augmentation.none(), null, threads));
        long t = System.nanoTime();
        timed.fit(model, data, null, null, null);
        double trainRate = (double) epochs * n / ((System.nanoTime() - t) / 1e9);

        float[] one = data.image(0);
        for (int i = 0; i < 300; i++) {
            model.predict(one);
        }
        int reps = 300;
        t = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            model.predict(one);
        }
        double inferMs = (System.nanoTime() - t) / 1e6 / reps;
        System.out.printf("engine java %s size=%d batch=%d threads=%d train_img_per_s=%.0f infer_ms=%.2f%n",
                Runtime.version().feature(), size, batch, threads, trainRate, inferMs);

        if (classroom) {
            Dataset train = random(127, 3, 64, 3, 1);
            Dataset val = random(23, 3, 64, 3, 2);
            Model fresh = Presets.refCnn(3, 64, 3, 1);
            TrainConfig config = new TrainConfig(50, 16, new Adam(), 1, Augmentation.defaults(true), null, threads);
            t = System.nanoTime();
            new Trainer(config).fit(fresh, train, val, null, null);
            double seconds = (System.nanoTime() - t) / 1e9;
            System.out.printf("classroom 3x50 images (127 train / 23 val) 50 epochs batch 16 threads=%d: %.1f s%n",
                    threads, seconds);
        }
    }

    private static Dataset random(int count, int channels, int size, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Dataset d = new Dataset(channels, size, size);
        float[] img = new float[channels * size * size];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < img.length; j++) {
                img[j] = random.nextFloat();
            }
            d.add(img, random.nextInt(classes));
        }
        return d;
    }
}
