package org.teachbox.training;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;

/**
 * Fashion-MNIST as Debian's {@code dataset-fashion-mnist} installs it: IDX files (gzip) of
 * 28×28 grey pictures, 60 000 to train and 10 000 to test, light clothes on a black ground.
 * It hands out pictures as PNG files, the way a learner would upload them, so the accuracy
 * checks go through the app's own ingest and decode.
 */
final class FashionMnist {

    static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** The first five classes: the tops (T-shirt, pullover, coat) make it hard enough to learn. */
    static final List<String> FIRST_FIVE = List.of("t-shirt", "trouser", "pullover", "dress", "coat");

    private final byte[][] images;
    private final byte[] labels;

    private FashionMnist(byte[][] images, byte[] labels) {
        this.images = images;
        this.labels = labels;
    }

    static boolean isInstalled(Path dir) {
        return Files.isRegularFile(dir.resolve("train-images-idx3-ubyte.gz"))
                && Files.isRegularFile(dir.resolve("t10k-images-idx3-ubyte.gz"));
    }

    /** {@code "train"} or {@code "t10k"}. */
    static FashionMnist read(Path dir, String split) {
        try {
            return new FashionMnist(readImages(dir.resolve(split + "-images-idx3-ubyte.gz")),
                    readLabels(dir.resolve(split + "-labels-idx1-ubyte.gz")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code count} pictures of a class, in file order. */
    List<byte[]> firstPng(int label, int count) {
        return png(indicesOf(label).subList(0, count));
    }

    /** {@code count} pictures of a class drawn at random (without repeats) by {@code seed}. */
    List<byte[]> drawPng(int label, int count, long seed) {
        List<Integer> all = indicesOf(label);
        Collections.shuffle(all, new Random(seed * 31 + label));
        return png(all.subList(0, count));
    }

    private List<Integer> indicesOf(int label) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label) {
                out.add(i);
            }
        }
        return out;
    }

    private List<byte[]> png(List<Integer> indices) {
        List<byte[]> out = new ArrayList<>();
        for (int i : indices) {
            BufferedImage grey = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            grey.getRaster().setDataElements(0, 0, 28, 28, images[i]);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                ImageIO.write(grey, "png", bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.add(bytes.toByteArray());
        }
        return out;
    }

    private static byte[][] readImages(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            if (in.readInt() != 0x803) {
                throw new IOException("not an IDX image file: " + file);
            }
            int n = in.readInt(), rows = in.readInt(), cols = in.readInt();
            byte[][] out = new byte[n][rows * cols];
            for (byte[] image : out) {
                in.readFully(image);
            }
            return out;
        }
    }

    private static byte[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            if (in.readInt() != 0x801) {
                throw new IOException("not an IDX label file: " + file);
            }
            byte[] out = new byte[in.readInt()];
            in.readFully(out);
            return out;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(raw, 1 << 16)));
    }
}
