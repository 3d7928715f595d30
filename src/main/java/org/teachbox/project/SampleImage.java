package org.teachbox.project;

import java.util.UUID;

/** A stored sample: its id and the square JPEG the upload pipeline produced. */
public record SampleImage(UUID id, byte[] image) {
}
