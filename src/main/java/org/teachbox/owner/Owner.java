package org.teachbox.owner;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;

/**
 * The owner token of the browser behind the current Vaadin session. The filter has put it on
 * the request; we keep it in the session so background pushes and later round-trips agree.
 */
public final class Owner {

    static final String REQUEST_ATTRIBUTE = "teachbox.owner";

    private Owner() {
    }

    /** Must be called on a request thread or inside {@code ui.access}. */
    public static String current() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            throw new IllegalStateException("No Vaadin session on this thread");
        }
        String token = (String) session.getAttribute(REQUEST_ATTRIBUTE);
        if (token == null) {
            VaadinRequest request = VaadinRequest.getCurrent();
            token = request == null ? null : (String) request.getAttribute(REQUEST_ATTRIBUTE);
            if (token == null) {
                throw new IllegalStateException("Request has no owner token");
            }
            session.setAttribute(REQUEST_ATTRIBUTE, token);
        }
        return token;
    }

    /** For plain HTTP endpoints outside Vaadin. */
    public static String of(jakarta.servlet.http.HttpServletRequest request) {
        return (String) request.getAttribute(REQUEST_ATTRIBUTE);
    }
}
