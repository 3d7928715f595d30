/*
 * Pixel plumbing shared by ingest and tensors: flatten any decoded image to opaque RGB on
 * white, cut out the centre square, and resize it. Shrinking uses exact area averaging
 * (every source pixel counts in proportion to how much of it an output pixel covers),
 * which is sharp, alias-free and gives the same numbers on every machine, unlike Java2D
 * hints that depend on the rendering pipeline. Enlarging, which is rare, uses bicubic.
 */
package org.teachbox.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

final class Resampler {

    private Resampler() {
    }

    /** A TYPE_INT_RGB copy; transparent parts become white, as on a sheet of paper. */
    static BufferedImage toOpaqueRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /** The largest centred square; the same image when it is already square. */
    static BufferedImage centreSquare(BufferedImage image) {
        int side = Math.min(image.getWidth(), image.getHeight());
        if (image.getWidth() == side && image.getHeight() == side) {
            return image;
        }
        return image.getSubimage((image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side);
    }

    /**
     * Resizes to exactly {@code width × height} and returns opaque TYPE_INT_RGB. Shrinking
     * reads the source a row at a time, so a big decoded photo is never copied whole.
     */
    static BufferedImage resize(BufferedImage image, int width, int height) {
        if (width < image.getWidth() && height < image.getHeight()) {
            return areaAverage(image, width, height);
        }
        BufferedImage rgb = toOpaqueRgb(image);
        if (rgb.getWidth() == width && rgb.getHeight() == height) {
            return rgb;
        }
        return bicubic(rgb, width, height);
    }

    static int[] pixels(BufferedImage rgb) {
        if (rgb.getType() == BufferedImage.TYPE_INT_RGB && rgb.getRaster().getParent() == null
                && rgb.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && buffer.getData().length == rgb.getWidth() * rgb.getHeight()) {
            return buffer.getData();
        }
        return rgb.getRGB(0, 0, rgb.getWidth(), rgb.getHeight(), null, 0, rgb.getWidth());
    }

    private static BufferedImage bicubic(BufferedImage rgb, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(rgb, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    // Separable: average along rows into a float buffer, then along columns. Loops are
    // written out by hand because this runs once per upload on images of millions of pixels.
    private static BufferedImage areaAverage(BufferedImage image, int width, int height) {
        int srcW = image.getWidth();
        int srcH = image.getHeight();
        boolean alpha = image.getColorModel().hasAlpha();
        int[] row = new int[srcW];
        AreaWeights across = new AreaWeights(srcW, width);
        AreaWeights down = new AreaWeights(srcH, height);

        float[] rows = new float[width * srcH * 3];
        // A decoded JPEG is 3-byte BGR in sRGB, where getRGB would only repack each pixel through
        // the colour model, one call per pixel; its bytes are read a row at a time instead.
        boolean bgr = image.getType() == BufferedImage.TYPE_3BYTE_BGR;
        byte[] bytes = bgr ? new byte[srcW * 3] : null;
        for (int y = 0; y < srcH; y++) {
            if (bgr) {
                image.getRaster().getDataElements(0, y, srcW, 1, bytes); // R, G, B: the bands' order
                for (int x = 0, i = 0; x < srcW; x++, i += 3) {
                    row[x] = (bytes[i] & 0xFF) << 16 | (bytes[i + 1] & 0xFF) << 8 | bytes[i + 2] & 0xFF;
                }
            } else {
                image.getRGB(0, y, srcW, 1, row, 0, srcW);
            }
            if (alpha) {
                overWhite(row);
            }
            for (int x = 0; x < width; x++) {
                float r = 0, g = 0, b = 0;
                for (int k = across.start[x]; k < across.start[x + 1]; k++) {
                    int p = row[across.index[k]];
                    float w = across.weight[k];
                    r += w * (p >> 16 & 0xFF);
                    g += w * (p >> 8 & 0xFF);
                    b += w * (p & 0xFF);
                }
                int o = (y * width + x) * 3;
                rows[o] = r;
                rows[o + 1] = g;
                rows[o + 2] = b;
            }
        }

        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float r = 0, g = 0, b = 0;
                for (int k = down.start[y]; k < down.start[y + 1]; k++) {
                    int o = (down.index[k] * width + x) * 3;
                    float w = down.weight[k];
                    r += w * rows[o];
                    g += w * rows[o + 1];
                    b += w * rows[o + 2];
                }
                out[y * width + x] = channel(r) << 16 | channel(g) << 8 | channel(b);
            }
        }
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, width, height, out, 0, width);
        return result;
    }

    /** Lays non-premultiplied ARGB pixels over white, as {@link #toOpaqueRgb} does. */
    private static void overWhite(int[] argb) {
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int a = p >>> 24;
            if (a != 0xFF) {
                int r = (p >> 16 & 0xFF) * a / 255 + 255 - a;
                int g = (p >> 8 & 0xFF) * a / 255 + 255 - a;
                int b = (p & 0xFF) * a / 255 + 255 - a;
                argb[i] = r << 16 | g << 8 | b;
            }
        }
    }

    private static int channel(float value) {
        return Math.min(255, Math.max(0, Math.round(value)));
    }

    /** For each output position, the source positions it covers and by how much (summing to 1). */
    private static final class AreaWeights {
        final int[] start;
        final int[] index;
        final float[] weight;

        AreaWeights(int srcLength, int dstLength) {
            double scale = srcLength / (double) dstLength;
            int maxTaps = (int) Math.ceil(scale) + 1;
            start = new int[dstLength + 1];
            index = new int[dstLength * maxTaps];
            weight = new float[dstLength * maxTaps];
            int n = 0;
            for (int i = 0; i < dstLength; i++) {
                start[i] = n;
                double from = i * scale;
                double to = Math.min(srcLength, (i + 1) * scale);
                for (int j = (int) Math.floor(from); j < to; j++) {
                    double covered = Math.min(to, j + 1) - Math.max(from, j);
                    if (covered > 1e-9) {
                        index[n] = j;
                        weight[n] = (float) (covered / scale);
                        n++;
                    }
                }
            }
            start[dstLength] = n;
        }
    }
}
