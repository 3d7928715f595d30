/*
 * Turns a picture into the numbers a network eats: a float array in channel-height-width
 * order, values from 0 (black) to 1 (full intensity). Training and prediction both come
 * through here, so a picture looks the same to the model in both. Non-square input is
 * centre-cropped first, as uploads are, instead of being squashed.
 */
package org.teachbox.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

public final class ImageTensors {

    // ITU-R BT.601 luma weights, the ones PIL's "L" mode and most MNIST-style data use.
    private static final float LUMA_R = 0.299f;
    private static final float LUMA_G = 0.587f;
    private static final float LUMA_B = 0.114f;

    private ImageTensors() {
    }

    /** Decodes a stored image (see {@link ImageIngest}) and converts it. */
    public static float[] toChw(byte[] storedImage, int size, int channels) {
        BufferedImage image;
        try {
            // A memory-backed stream: the default would write a temp file for every decode.
            image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(storedImage)));
        } catch (IOException e) {
            throw new UncheckedIOException("stored image cannot be decoded", e);
        }
        if (image == null) {
            throw new IllegalArgumentException("stored image is not in a readable format");
        }
        return toChw(image, size, channels);
    }

    /**
     * @param channels 1 for luminance (grey), 3 for red, green and blue planes
     * @return {@code channels × size × size} floats in [0, 1]
     */
    public static float[] toChw(BufferedImage image, int size, int channels) {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3: " + channels);
        }
        BufferedImage square = Resampler.centreSquare(image);
        int[] pixels = Resampler.pixels(Resampler.resize(square, size, size));
        int plane = size * size;
        float[] chw = new float[channels * plane];
        for (int i = 0; i < plane; i++) {
            int p = pixels[i];
            float r = (p >> 16 & 0xFF) / 255f;
            float g = (p >> 8 & 0xFF) / 255f;
            float b = (p & 0xFF) / 255f;
            if (channels == 1) {
                chw[i] = Math.min(1f, LUMA_R * r + LUMA_G * g + LUMA_B * b);
            } else {
                chw[i] = r;
                chw[plane + i] = g;
                chw[2 * plane + i] = b;
            }
        }
        return chw;
    }
}
