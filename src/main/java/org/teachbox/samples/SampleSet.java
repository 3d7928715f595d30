/*
 * A ready-made project for demos without a camera: a stable key the UI can translate
 * ("digits", "shapes", "bias-demo") and its classes in a fixed order.
 */
package org.teachbox.samples;

import java.util.List;

public record SampleSet(String key, List<SampleClass> classes) {

    public SampleSet {
        classes = List.copyOf(classes);
    }
}
