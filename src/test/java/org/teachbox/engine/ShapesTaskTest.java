package org.teachbox.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.teachbox.engine.optim.Adam;

/**
 * The classroom scenario end to end: RefCNN at 64 x 64 x 3 learns to tell circles, squares and
 * triangles apart (random colours, sizes, positions and backgrounds; 40 training and 15
 * validation images per class, about a classroom project's 50 per class split 85/15) with the
 * default settings, within the default 50 epochs.
 * To keep the suite fast it stops as soon as validation accuracy reaches 95%.
 */
class ShapesTaskTest {
    private static final int SIZE = 64;

    @Test
    void refCnnLearnsColouredShapes() {
        System.setProperty("java.awt.headless", "true");
        SplittableRandom random = new SplittableRandom(2024);
        Dataset train = shapes(40, random);
        Dataset val = shapes(15, random);
        Model model = Presets.refCnn(3, SIZE, 3, 1);
        TrainConfig config = new TrainConfig(50, 16, new Adam(), 1, Augmentation.defaults(true), null, 2);
        float[] lastValAccuracy = {0};
        TrainResult result = new Trainer(config).fit(model, train, val, new TrainingListener() {
            @Override
            public void onEpoch(EpochResult e) {
                lastValAccuracy[0] = e.valAccuracy();
            }
        }, () -> lastValAccuracy[0] >= 0.95f);
        assertThat(Evaluation.of(model, val).accuracy()).as(result.history().toString()).isGreaterThanOrEqualTo(0.9f);
    }

    static Dataset shapes(int perClass, SplittableRandom random) {
        Dataset d = new Dataset(3, SIZE, SIZE);
        for (int i = 0; i < perClass * 3; i++) {
            d.add(render(i % 3, random), i % 3);
        }
        return d;
    }

    /** Class 0 = circle, 1 = square, 2 = triangle. */
    static float[] render(int shape, SplittableRandom random) {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(random.nextInt(0, 90), random.nextInt(0, 90), random.nextInt(0, 90)));
        g.fillRect(0, 0, SIZE, SIZE);
        g.setColor(Color.getHSBColor(random.nextFloat(), 0.5f + 0.5f * random.nextFloat(), 0.7f + 0.3f * random.nextFloat()));
        // roughly centred, as a pupil holds an object up to the camera
        int s = random.nextInt(24, 44);
        int x = (SIZE - s) / 2 + random.nextInt(-8, 9);
        int y = (SIZE - s) / 2 + random.nextInt(-8, 9);
        switch (shape) {
            case 0 -> g.fillOval(x, y, s, s);
            case 1 -> g.fillRect(x, y, s, s);
            default -> g.fillPolygon(new int[] {x, x + s / 2, x + s}, new int[] {y + s, y, y + s}, 3);
        }
        g.dispose();
        float[] chw = new float[3 * SIZE * SIZE];
        for (int py = 0; py < SIZE; py++) {
            for (int px = 0; px < SIZE; px++) {
                int rgb = img.getRGB(px, py);
                chw[py * SIZE + px] = ((rgb >> 16) & 0xFF) / 255f;
                chw[SIZE * SIZE + py * SIZE + px] = ((rgb >> 8) & 0xFF) / 255f;
                chw[2 * SIZE * SIZE + py * SIZE + px] = (rgb & 0xFF) / 255f;
            }
        }
        return chw;
    }
}
