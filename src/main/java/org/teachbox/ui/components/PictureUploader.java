package org.teachbox.ui.components;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;

/**
 * Sends picture files from the browser straight to an upload endpoint, several files per request,
 * with a button that opens the file picker, a drop zone and a "Sending 120 of 400…" line. What
 * became of the files that arrived is the endpoint's to tell; this component only hears of the
 * files that never got there, and when a drop is done.
 *
 * <p>Server half of {@code frontend/components/picture-uploader.ts}.
 */
@Tag("picture-uploader")
@JsModule("./components/picture-uploader.ts")
public class PictureUploader extends Component {

    /** Why a file never reached the endpoint. */
    public enum Reason {
        /** Over the byte limit: the browser did not send it, or the server refused the request as too large. */
        TOO_BIG,
        /** Beyond the most files one drop may send. */
        TOO_MANY,
        /** The request carrying it failed on the way: no connection, or it broke off. */
        NETWORK,
        /** The endpoint refused the whole request (the class is gone, say). */
        SERVER
    }

    /** A file as the browser names it. The fields come from the browser: treat them as untrusted. */
    public record NotSent(String name, long size, Reason reason) {
    }

    /** The endpoint's address, relative to the page. */
    public void setEndpoint(String url) {
        getElement().setAttribute("endpoint", url);
    }

    /** The words on the uploader, already translated; {@code sending} has {0} (done) and {1} (all). */
    public void setTexts(String add, String drop, String sending) {
        getElement().setProperty("addText", add);
        getElement().setProperty("dropText", drop);
        getElement().setProperty("sendingText", sending);
    }

    /** Files over {@code maxFileBytes} are not sent; nor are files past the first {@code maxFiles} of a drop. */
    public void setLimits(long maxFileBytes, int maxFiles) {
        getElement().setProperty("maxFileBytes", maxFileBytes);
        getElement().setProperty("maxFiles", maxFiles);
    }

    /** Drops anywhere in the nearest ancestor matching this CSS selector count as drops on the uploader. */
    public void setDropTarget(String selector) {
        getElement().setProperty("dropTarget", selector);
    }

    public Registration addNotSentListener(ComponentEventListener<NotSentEvent> listener) {
        return addListener(NotSentEvent.class, listener);
    }

    public Registration addAllSentListener(ComponentEventListener<AllSentEvent> listener) {
        return addListener(AllSentEvent.class, listener);
    }

    @ClientCallable
    void notSent(NotSent[] files) {
        if (files == null) {
            return;
        }
        List<NotSent> named = Arrays.stream(files).filter(Objects::nonNull)
                .map(f -> new NotSent(f.name() == null ? "?" : f.name(), f.size(), f.reason() == null ? Reason.SERVER : f.reason()))
                .toList();
        if (!named.isEmpty()) {
            fireEvent(new NotSentEvent(this, named));
        }
    }

    @ClientCallable
    void allSent() {
        fireEvent(new AllSentEvent(this));
    }

    /** Files of a drop that did not reach the endpoint, and why. */
    public static class NotSentEvent extends ComponentEvent<PictureUploader> {
        private final List<NotSent> files;

        public NotSentEvent(PictureUploader source, List<NotSent> files) {
            super(source, true);
            this.files = files;
        }

        public List<NotSent> getFiles() {
            return files;
        }
    }

    /** Every file of a drop was answered or reported not sent: the drop is done. */
    public static class AllSentEvent extends ComponentEvent<PictureUploader> {
        public AllSentEvent(PictureUploader source) {
            super(source, true);
        }
    }
}
