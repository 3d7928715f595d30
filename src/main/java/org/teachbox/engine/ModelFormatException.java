package org.teachbox.engine;

import java.io.IOException;

/** A model file that is truncated, corrupted, too large, or not a Teachbox model at all. */
public final class ModelFormatException extends IOException {
    public ModelFormatException(String message) {
        super(message);
    }
}
