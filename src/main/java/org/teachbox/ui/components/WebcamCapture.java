package org.teachbox.ui.components;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

import java.util.Base64;
import java.util.Locale;

/**
 * The webcam: a mirrored, square preview that sends 224x224 JPEG frames to the server. In
 * {@link Mode#RECORD} a learner holds a button to fill a class at about 24 frames a second; in
 * {@link Mode#PREDICT} frames flow continuously so the page can show live predictions.
 *
 * <p>Server half of {@code frontend/components/webcam-capture.ts}. Every frame fires a
 * {@link FrameCapturedEvent}. The browser waits for the server to finish handling a frame
 * (including the UI changes a listener makes) before it counts it or, in predict mode, before it
 * takes the next one, so a slow server slows the camera down instead of piling frames up.
 * Disabling the component stops recording, and Vaadin then ignores frames still on the way.
 */
@Tag("webcam-capture")
@JsModule("./components/webcam-capture.ts")
@NpmPackage(value = "@tensorflow/tfjs-core", version = "4.22.0")
@NpmPackage(value = "@tensorflow/tfjs-layers", version = "4.22.0")
@NpmPackage(value = "@tensorflow/tfjs-backend-wasm", version = "4.22.0")
public class WebcamCapture extends Component implements HasEnabled, HasSize {

    /** What frames are for. */
    public enum Mode {
        /** Frames only while the hold-to-record button is held: collecting samples. */
        RECORD,
        /** Frames all the time, one after the other, at most about 15 a second: live prediction. */
        PREDICT
    }

    private record Texts(String holdToRecord, String recording, String camera, String noCamera, String startCamera) {
    }

    /** A 224x224 JPEG is 10–40 kB; anything far bigger did not come from this element. */
    private static final int MAX_JPEG_BYTES = 1024 * 1024;

    private Mode mode;
    private boolean live = true;

    public WebcamCapture() {
        setMode(Mode.RECORD);
    }

    public void setMode(Mode mode) {
        this.mode = mode;
        getElement().setProperty("mode", mode.name().toLowerCase(Locale.ROOT));
    }

    public Mode getMode() {
        return mode;
    }

    /**
     * All words, already translated. {@code noCamera} is shown both when there is no camera and
     * when the learner (or the browser) refused access, so it should cover both.
     */
    public void setTexts(String holdToRecord, String recording, String cameraLabel, String noCamera, String startCamera) {
        getElement().setPropertyBean("texts", new Texts(holdToRecord, recording, cameraLabel, noCamera, startCamera));
    }

    /** Turns the camera on without waiting for the learner to click (the browser may still ask for permission). */
    public void start() {
        getElement().callJsFunction("start");
    }

    /**
     * Turns the camera off. It also goes off by itself when the component leaves the page. In
     * predict mode, a frame that was already on its way is dropped, so it cannot replace the
     * answer to whatever made the page stop the camera.
     */
    public void stop() {
        live = false;
        getElement().callJsFunction("stop");
    }

    /** The browser's camera is on again in predict mode: take its frames. */
    @ClientCallable
    void live() {
        live = true;
    }

    /**
     * Where the project's TF.js files are, so live prediction runs in the learner's browser;
     * null sends every frame to the server instead.
     */
    public void setModelUrl(String url) {
        getElement().setProperty("modelUrl", url == null ? "" : url);
    }

    @ClientCallable
    void browserReady() {
        fireEvent(new BrowserModelEvents.Ready(this));
    }

    @ClientCallable
    void browserAnswer(String probabilitiesJson, double framesPerSecond) {
        if (live || mode != Mode.PREDICT) {
            BrowserModelEvents.probabilities(probabilitiesJson).ifPresent(p ->
                    fireEvent(new BrowserModelEvents.Answer(this, p, framesPerSecond)));
        }
    }

    @ClientCallable
    void browserCheck(String jpegBase64, String probabilitiesJson) {
        var probabilities = BrowserModelEvents.probabilities(probabilitiesJson);
        if (probabilities.isEmpty() || jpegBase64 == null || jpegBase64.length() > MAX_JPEG_BYTES * 4 / 3 + 4) {
            return;
        }
        try {
            fireEvent(new BrowserModelEvents.Check(this, Base64.getDecoder().decode(jpegBase64), probabilities.get()));
        } catch (IllegalArgumentException notBase64) {
            // only a tampered client sends this
        }
    }

    @ClientCallable
    void browserFailed(String reason) {
        fireEvent(new BrowserModelEvents.Failed(this, reason == null ? "" : reason.substring(0, Math.min(300, reason.length()))));
    }

    public <E extends ComponentEvent<WebcamCapture>> Registration addBrowserListener(Class<E> type,
                                                                                     ComponentEventListener<E> listener) {
        return addListener(type, listener);
    }

    public Registration addFrameCapturedListener(ComponentEventListener<FrameCapturedEvent> listener) {
        return addListener(FrameCapturedEvent.class, listener);
    }

    /**
     * One frame from the browser. Vaadin's RPC carries JSON, so the JPEG arrives as base64 text.
     * Returning (even nothing) resolves the browser's Promise, which is what paces the camera.
     */
    @ClientCallable
    void frame(String jpegBase64) {
        if (jpegBase64 == null || jpegBase64.length() > MAX_JPEG_BYTES * 4 / 3 + 4) {
            return;
        }
        byte[] jpeg;
        try {
            jpeg = Base64.getDecoder().decode(jpegBase64);
        } catch (IllegalArgumentException notBase64) {
            return; // only a tampered client sends this; there is nothing to tell the learner
        }
        if (live || mode != Mode.PREDICT) {
            fireEvent(new FrameCapturedEvent(this, jpeg));
        }
    }

    /** A 224x224 JPEG of the centre square of the camera image, mirrored as in the preview. */
    public static class FrameCapturedEvent extends ComponentEvent<WebcamCapture> {
        private final byte[] jpeg;

        public FrameCapturedEvent(WebcamCapture source, byte[] jpeg) {
            super(source, true);
            this.jpeg = jpeg;
        }

        public byte[] getJpeg() {
            return jpeg;
        }

        /** The mode the component was in when the frame arrived. */
        public Mode getMode() {
            return getSource().getMode();
        }
    }
}
