package org.teachbox.ui.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;

/**
 * How work finished on another thread reaches a page: {@link #access} runs a change inside the
 * page's lock, and pushes it, if the page is still open; a page closed meanwhile has nobody to
 * show it to, so the change is dropped. A failure thrown from the change (wrap a checked one in
 * {@link Failed}) goes to {@link LearnerErrors}, which says why in the learner's language.
 */
public final class PageAccess {
    private volatile UI ui;

    public PageAccess(Component page) {
        page.addAttachListener(e -> ui = e.getUI());
        page.addDetachListener(e -> ui = null);
        page.getUI().ifPresent(current -> ui = current);
    }

    public void access(Command change) {
        UI current = ui;
        if (current == null) {
            return;
        }
        try {
            current.access(change);
        } catch (UIDetachedException closed) {
            // the learner left the page
        }
    }

    /** A failure that happened away from the page, for {@link LearnerErrors} to tell. */
    public static final class Failed extends RuntimeException {
        public Failed(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
