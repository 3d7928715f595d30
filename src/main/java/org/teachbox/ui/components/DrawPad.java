package org.teachbox.ui.components;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;

import java.util.Base64;

/**
 * A square pad to draw on with mouse, pen or finger, used to make and test digit and shape
 * classes without a camera. After every stroke the whole drawing arrives here as a small PNG.
 *
 * <p>Server half of {@code frontend/components/draw-pad.ts}. Disabling the component greys the
 * pad out and makes Vaadin drop any drawing the browser still sends.
 */
@Tag("draw-pad")
@JsModule("./components/draw-pad.ts")
public class DrawPad extends Component implements HasEnabled {

    /** A 128x128 PNG is a few kilobytes; anything far bigger did not come from the pad. */
    private static final int MAX_PNG_BYTES = 512 * 1024;

    /** A screen reader is told what the canvas is for; drawing itself needs a mouse, pen or finger. */
    public DrawPad() {
        getElement().setProperty("areaLabel", getTranslation("draw.area"));
    }

    /** The label of the clear button, already translated. */
    public void setTexts(String clear) {
        getElement().setProperty("clearText", clear);
    }

    /** Wipes the drawing, for example after it was saved as a sample. Fires no event. */
    public void clear() {
        getElement().callJsFunction("clear");
    }

    /** Called after each stroke with the whole drawing so far. */
    public Registration addDrawingListener(ComponentEventListener<DrawingEvent> listener) {
        return addListener(DrawingEvent.class, listener);
    }

    /** Called when the learner presses the clear button. */
    public Registration addClearListener(ComponentEventListener<ClearEvent> listener) {
        return addListener(ClearEvent.class, listener);
    }

    @ClientCallable
    void drawn(String pngBase64) {
        // Vaadin's RPC carries text, so the browser sends the PNG as base64.
        if (pngBase64 == null || pngBase64.length() > MAX_PNG_BYTES * 4 / 3 + 4) {
            return;
        }
        try {
            fireEvent(new DrawingEvent(this, Base64.getDecoder().decode(pngBase64)));
        } catch (IllegalArgumentException notBase64) {
            // Only a tampered client sends this; there is nothing to tell the learner.
        }
    }

    @ClientCallable
    void cleared() {
        fireEvent(new ClearEvent(this));
    }

    /** The drawing as it is after a stroke: a 128x128 PNG, black strokes on white. */
    public static class DrawingEvent extends ComponentEvent<DrawPad> {
        private final byte[] png;

        public DrawingEvent(DrawPad source, byte[] png) {
            super(source, true);
            this.png = png;
        }

        public byte[] getPng() {
            return png;
        }
    }

    /** The learner wiped the pad. */
    public static class ClearEvent extends ComponentEvent<DrawPad> {
        public ClearEvent(DrawPad source) {
            super(source, true);
        }
    }
}
