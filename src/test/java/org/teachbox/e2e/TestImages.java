package org.teachbox.e2e;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Generated picture files for upload tests: circles or squares at random places and colours, and
 * photo-like JPEGs (noise under shapes) of the size a phone's downscaled photo has.
 */
final class TestImages {

    private TestImages() {
    }

    static List<Path> shapes(Path dir, String shape, int count, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(200 + random.nextInt(55), 200 + random.nextInt(55), 200 + random.nextInt(55)));
            g.fillRect(0, 0, 160, 120);
            g.setColor(Color.getHSBColor(random.nextFloat(), 0.8f, 0.7f));
            g.setStroke(new BasicStroke(6));
            int size = 40 + random.nextInt(30);
            int x = 30 + random.nextInt(60);
            int y = 10 + random.nextInt(110 - size);
            if (shape.equals("circle")) {
                g.fillOval(x, y, size, size);
            } else {
                g.fillRect(x, y, size, size);
            }
            g.dispose();
            Path file = dir.resolve(shape + "-" + i + ".png");
            ImageIO.write(image, "png", file.toFile());
            files.add(file);
        }
        return files;
    }

    static Path broken(Path dir) throws IOException {
        Path file = dir.resolve("broken.png");
        Files.write(file, "this is not really a picture".getBytes());
        return file;
    }

    /**
     * Photo-like JPEGs of about 25 KB: a noisy gradient (so the file does not compress to almost
     * nothing, as a flat drawing would) with a few shapes on it, 320 × 240 like a downscaled photo.
     */
    static List<Path> photos(Path dir, String prefix, int count, long seed) throws IOException {
        return photos(dir, prefix, count, seed, 320, 240);
    }

    /** The same kind of photos at another size (512 x 384 is a phone photo scaled down by the page). */
    static List<Path> photos(Path dir, String prefix, int count, long seed, int width, int height) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            int base = random.nextInt(0xFFFFFF);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int n = random.nextInt(96);
                    int r = ((base >> 16) & 0xFF) * (width - x) / width + n;
                    int g = ((base >> 8) & 0xFF) * (height - y) / height + n;
                    int b = (base & 0xFF) / 2 + n;
                    image.setRGB(x, y, (Math.min(255, r) << 16) | (Math.min(255, g) << 8) | Math.min(255, b));
                }
            }
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            for (int s = 0; s < 4; s++) {
                g.setColor(Color.getHSBColor(random.nextFloat(), 0.7f, 0.8f));
                int size = (40 + random.nextInt(80)) * width / 320;
                g.fillOval(random.nextInt(width * 7 / 8), random.nextInt(height * 5 / 6), size, size * 3 / 4);
            }
            g.dispose();
            Path file = dir.resolve(prefix + "-" + i + ".jpg");
            ImageIO.write(image, "jpg", file.toFile());
            files.add(file);
        }
        return files;
    }
}
