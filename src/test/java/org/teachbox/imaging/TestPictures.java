/*
 * Pictures for the imaging tests, drawn with java.awt and written with the real encoders,
 * so every test goes through real decoding. The "marker" picture makes orientation and
 * cropping visible: its centre square has a red, a green and a blue corner, and anything
 * outside that square is yellow, so a wrong turn, mirror or crop shows up as a wrong colour.
 */
package org.teachbox.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

final class TestPictures {

    static final Color RED = new Color(230, 20, 20);
    static final Color GREEN = new Color(20, 200, 20);
    static final Color BLUE = new Color(20, 20, 230);
    static final Color YELLOW = new Color(250, 230, 0);

    private static final Map<String, Color> NAMED = Map.of(
            "red", RED, "green", GREEN, "blue", BLUE, "yellow", YELLOW,
            "white", Color.WHITE, "black", Color.BLACK);

    private TestPictures() {
    }

    /** Upright: red top-left, green top-right, blue bottom-left, white bottom-right; yellow outside the centre square. */
    static BufferedImage markers(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(YELLOW);
        g.fillRect(0, 0, width, height);
        int side = Math.min(width, height);
        int left = (width - side) / 2;
        int top = (height - side) / 2;
        int marker = side / 4;
        g.setColor(Color.WHITE);
        g.fillRect(left, top, side, side);
        g.setColor(RED);
        g.fillRect(left, top, marker, marker);
        g.setColor(GREEN);
        g.fillRect(left + side - marker, top, marker, marker);
        g.setColor(BLUE);
        g.fillRect(left, top + side - marker, marker, marker);
        g.dispose();
        return image;
    }

    static BufferedImage filled(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG of {@code raw} that carries the EXIF orientation tag {@code orientation}. */
    static byte[] jpegWithOrientation(BufferedImage raw, int orientation) throws Exception {
        TiffOutputSet exif = new TiffOutputSet();
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(encode(raw, "jpeg"), out, exif);
        return out.toByteArray();
    }

    /**
     * A four-channel JPEG as a scanner or a print program writes it, all one red: Adobe's CMYK
     * (ink amounts stored inverted, APP14 transform 0) or YCCK (transform 2: the inverted C, M and
     * Y stored as YCbCr, then K). The JDK's own reader refuses both.
     */
    static byte[] redFourChannelJpeg(int width, int height, boolean ycck) throws IOException {
        java.awt.image.WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, width, height, 4, null);
        // red is full magenta and yellow ink: CMYK (255, 0, 0, 255) inverted, or those inks as YCbCr plus K
        int[] pixel = ycck ? new int[] {179, 171, 1, 255} : new int[] {255, 0, 0, 255};
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, pixel);
            }
        }
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(raster, null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
        byte[] raw = out.toByteArray();
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) (ycck ? 2 : 0)};
        byte[] bytes = new byte[raw.length + adobe.length];
        System.arraycopy(raw, 0, bytes, 0, 2); // after SOI
        System.arraycopy(adobe, 0, bytes, 2, adobe.length);
        System.arraycopy(raw, 2, bytes, 2 + adobe.length, raw.length - 2);
        return bytes;
    }

    static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    /** The name of the test colour nearest to the pixel at a fraction of the width and height. */
    static String colourAt(BufferedImage image, double fx, double fy) {
        int rgb = image.getRGB((int) (fx * (image.getWidth() - 1)), (int) (fy * (image.getHeight() - 1)));
        Color pixel = new Color(rgb);
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        for (var named : NAMED.entrySet()) {
            Color c = named.getValue();
            double d = Math.pow(c.getRed() - pixel.getRed(), 2) + Math.pow(c.getGreen() - pixel.getGreen(), 2)
                    + Math.pow(c.getBlue() - pixel.getBlue(), 2);
            if (d < bestDistance) {
                bestDistance = d;
                best = named.getKey();
            }
        }
        return best;
    }

    // What a camera stores when it writes the picture sideways or mirrored. Written as
    // "where each pixel goes", the opposite direction to the code under test.

    static BufferedImage rotatedClockwise(BufferedImage in) {
        BufferedImage out = new BufferedImage(in.getHeight(), in.getWidth(), BufferedImage.TYPE_INT_RGB);
        forEachPixel(in, (x, y) -> out.setRGB(in.getHeight() - 1 - y, x, in.getRGB(x, y)));
        return out;
    }

    static BufferedImage rotatedAnticlockwise(BufferedImage in) {
        BufferedImage out = new BufferedImage(in.getHeight(), in.getWidth(), BufferedImage.TYPE_INT_RGB);
        forEachPixel(in, (x, y) -> out.setRGB(y, in.getWidth() - 1 - x, in.getRGB(x, y)));
        return out;
    }

    static BufferedImage rotatedHalfTurn(BufferedImage in) {
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
        forEachPixel(in, (x, y) -> out.setRGB(in.getWidth() - 1 - x, in.getHeight() - 1 - y, in.getRGB(x, y)));
        return out;
    }

    static BufferedImage mirroredLeftRight(BufferedImage in) {
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
        forEachPixel(in, (x, y) -> out.setRGB(in.getWidth() - 1 - x, y, in.getRGB(x, y)));
        return out;
    }

    static BufferedImage mirroredTopBottom(BufferedImage in) {
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
        forEachPixel(in, (x, y) -> out.setRGB(x, in.getHeight() - 1 - y, in.getRGB(x, y)));
        return out;
    }

    static BufferedImage transposed(BufferedImage in) {
        BufferedImage out = new BufferedImage(in.getHeight(), in.getWidth(), BufferedImage.TYPE_INT_RGB);
        forEachPixel(in, (x, y) -> out.setRGB(y, x, in.getRGB(x, y)));
        return out;
    }

    private interface PixelAction {
        void at(int x, int y);
    }

    private static void forEachPixel(BufferedImage image, PixelAction action) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                action.at(x, y);
            }
        }
    }

    /** Writes the WebP fixtures' source pictures as PNG; cwebp turns them into test resources. */
    public static void main(String[] args) throws IOException {
        ImageIO.write(markers(120, 80), "png", new java.io.File(args[0], "markers-120x80.png"));
        BufferedImage disc = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = disc.createGraphics();
        g.setColor(RED);
        g.fillOval(16, 16, 32, 32);
        g.dispose();
        ImageIO.write(disc, "png", new java.io.File(args[0], "red-disc-on-transparent-64.png"));
    }
}
