/*
 * The safe copy of an upload that we keep: a square JPEG no larger than the configured
 * stored side, already turned the right way up, with any transparency laid over white.
 * Everything downstream (thumbnails, training, prediction) reads only this.
 */
package org.teachbox.imaging;

public record StoredImage(byte[] bytes, String mimeType, int side) {

    public static final String JPEG = "image/jpeg";
}
