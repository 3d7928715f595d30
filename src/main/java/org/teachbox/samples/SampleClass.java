/*
 * One class of a sample project: its name as it appears on the class card, and its
 * pictures (128 × 128, opaque RGB), generated rather than downloaded.
 */
package org.teachbox.samples;

import java.awt.image.BufferedImage;
import java.util.List;

public record SampleClass(String name, List<BufferedImage> images) {

    public SampleClass {
        images = List.copyOf(images);
    }
}
