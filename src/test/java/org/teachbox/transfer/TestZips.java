package org.teachbox.transfer;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/** Zip files built byte by byte for the tests, friendly and hostile, and pictures to put in them. */
final class TestZips {

    private TestZips() {
    }

    /** An ordered list of entries: path → content. */
    static Map<String, byte[]> entries() {
        return new LinkedHashMap<>();
    }

    static byte[] zip(Map<String, byte[]> entries) {
        return zip(entries, StandardCharsets.UTF_8);
    }

    static byte[] zip(Map<String, byte[]> entries, Charset names) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, names)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A small picture: a coloured disc on grey, different for every seed. */
    static byte[] png(int seed) {
        BufferedImage image = new BufferedImage(48, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.LIGHT_GRAY);
        g.fillRect(0, 0, 48, 40);
        g.setColor(Color.getHSBColor((seed % 10) / 10f, 0.8f, 0.8f));
        g.fillOval(4 + seed % 10, 4, 24, 24);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Rewrites every entry's uncompressed size in the central directory and local headers, so the
     * zip claims {@code claimed} bytes per entry while its data still inflates to the real amount.
     */
    static byte[] lieAboutSizes(byte[] zip, int claimed) {
        byte[] copy = zip.clone();
        ByteBuffer b = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        int end = copy.length - 22;
        int entries = Short.toUnsignedInt(b.getShort(end + 10));
        int at = b.getInt(end + 16);
        for (int i = 0; i < entries; i++) {
            if (b.getInt(at) != 0x02014b50) {
                throw new IllegalStateException("not a central directory record at " + at);
            }
            b.putInt(at + 24, claimed);
            int local = b.getInt(at + 42);
            b.putInt(local + 22, claimed);
            at += 46 + Short.toUnsignedInt(b.getShort(at + 28)) + Short.toUnsignedInt(b.getShort(at + 30))
                    + Short.toUnsignedInt(b.getShort(at + 32));
        }
        return copy;
    }
}
