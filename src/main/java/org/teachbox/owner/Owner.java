package org.teachbox.owner;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;

/**
 * Whose projects the current page shows. Without a classroom that is the browser's owner token
 * (its cookie, put on the request by the filter). A learner who joined a classroom works as the
 * learner's own token instead, kept in the server-side session only, so a copied cookie opens
 * nothing and the same code + name + PIN bring the projects back on any computer. The token is
 * kept in the Vaadin session so background pushes and later round-trips agree.
 */
public final class Owner {

    static final String REQUEST_ATTRIBUTE = "teachbox.owner";
    /** The HTTP session attribute holding a signed-in learner's token. */
    static final String LEARNER_ATTRIBUTE = "teachbox.learner";
    /** The request attribute holding the browser's own cookie token, whoever it works as. */
    static final String BROWSER_ATTRIBUTE = "teachbox.browser";

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

    /**
     * From now on this browser session works as the classroom learner with this token. The
     * session gets a new id first, so an id seen before signing in is worth nothing after.
     * The caller reloads the page, so every view is built again for the new owner.
     */
    public static void becomeLearner(String learnerToken) {
        VaadinRequest request = VaadinService.getCurrentRequest();
        if (request != null) {
            VaadinService.reinitializeSession(request);
        }
        VaadinSession session = VaadinSession.getCurrent();
        session.getSession().setAttribute(LEARNER_ATTRIBUTE, learnerToken);
        session.setAttribute(REQUEST_ATTRIBUTE, learnerToken);
    }

    /**
     * Back to the browser's own projects (they belong to its cookie, not to the session): the
     * session that carried the learner is ended, so nothing of it works on a shared computer
     * afterwards. Call it after asking the page to reload.
     */
    public static void leaveClassroom() {
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(REQUEST_ATTRIBUTE, null);
        session.getSession().invalidate();
    }

    /**
     * The browser's own cookie token, also while it works as a classroom learner: what the join
     * limits count a browser by, so signing in as one made-up name after another is still one
     * browser. Must be called on a request thread.
     */
    public static String browser() {
        VaadinRequest request = VaadinRequest.getCurrent();
        Object token = request == null ? null : request.getAttribute(BROWSER_ATTRIBUTE);
        return token != null ? (String) token : current();
    }

    /** A fresh unguessable owner token (256 random bits). */
    public static String newToken() {
        return OwnerTokenFilter.newToken();
    }

    /** For plain HTTP endpoints outside Vaadin. */
    public static String of(jakarta.servlet.http.HttpServletRequest request) {
        return (String) request.getAttribute(REQUEST_ATTRIBUTE);
    }
}
