package org.teachbox.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Hand-made RGBA PNG files, for headers that claim what a real encoder would never write. */
public final class PngFiles {

    private PngFiles() {
    }

    /** The signature, an RGBA IHDR of this size and depth, the given compressed pixel data (or none), and IEND. */
    public static byte[] rgba(int width, int height, int bitDepth, byte[] compressedPixels) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] {(byte) bitDepth, 6, 0, 0, 0});
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        png.writeBytes(chunk("IHDR", ihdr.array()));
        if (compressedPixels != null) {
            png.writeBytes(chunk("IDAT", compressedPixels));
        }
        png.writeBytes(chunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII))
                .put(data).putInt((int) crc.getValue()).array();
    }
}
