package org.teachbox.ui.components;

import java.util.Optional;

import com.vaadin.flow.component.ComponentEvent;

/**
 * What {@link WebcamCapture} says when the project's model runs in the learner's browser: it is
 * ready, an answer (class probabilities and frames a second), a frame to check on the server with
 * the browser's answer to it, or why the model could not run there.
 */
public final class BrowserModelEvents {

    /** More classes than a project may have, with room to spare; anything longer was not sent by our page. */
    private static final int MAX_CLASSES = 64;

    private BrowserModelEvents() {
    }

    public static class Ready extends ComponentEvent<WebcamCapture> {
        Ready(WebcamCapture source) {
            super(source, true);
        }
    }

    public static class Answer extends ComponentEvent<WebcamCapture> {
        private final float[] probabilities;
        private final double framesPerSecond;

        Answer(WebcamCapture source, float[] probabilities, double framesPerSecond) {
            super(source, true);
            this.probabilities = probabilities;
            this.framesPerSecond = framesPerSecond;
        }

        public float[] probabilities() {
            return probabilities.clone();
        }

        public double framesPerSecond() {
            return framesPerSecond;
        }
    }

    public static class Check extends ComponentEvent<WebcamCapture> {
        private final byte[] jpeg;
        private final float[] probabilities;

        Check(WebcamCapture source, byte[] jpeg, float[] probabilities) {
            super(source, true);
            this.jpeg = jpeg;
            this.probabilities = probabilities;
        }

        public byte[] jpeg() {
            return jpeg.clone();
        }

        public float[] probabilities() {
            return probabilities.clone();
        }
    }

    public static class Failed extends ComponentEvent<WebcamCapture> {
        private final String reason;

        Failed(WebcamCapture source, String reason) {
            super(source, true);
            this.reason = reason;
        }

        /** The browser's own words, for the log only: never shown to the learner. */
        public String reason() {
            return reason;
        }
    }

    /** "[0.1,0.9]" as numbers; empty if it is not a short list of probabilities. */
    static Optional<float[]> probabilities(String json) {
        if (json == null || json.length() > MAX_CLASSES * 32 || !json.startsWith("[") || !json.endsWith("]")) {
            return Optional.empty();
        }
        String inner = json.substring(1, json.length() - 1).strip();
        if (inner.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = inner.split(",");
        if (parts.length > MAX_CLASSES) {
            return Optional.empty();
        }
        float[] p = new float[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                p[i] = Float.parseFloat(parts[i].strip());
                if (!(p[i] >= 0 && p[i] <= 1.0001f)) {
                    return Optional.empty();
                }
            }
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
        return Optional.of(p);
    }
}
