package org.teachbox.ui.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.VaadinSessionState;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teachbox.ui.Messages;

/**
 * The last line of defence, set on every session by {@link ErrorHandling}: an exception nobody
 * caught in a click, an upload or a push is logged for the teacher's IT person and shown to the
 * learner as one calm, translated sentence, never a trace. A refusal that carries its own reason
 * (a project rule, a bad picture) says that. Views let rule exceptions reach it rather than
 * catching them to show the same message.
 */
public final class LearnerErrors implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(LearnerErrors.class);

    @Override
    public void error(ErrorEvent error) {
        UI ui = UI.getCurrent();
        var reason = Messages.reason(error.getThrowable());
        if (reason.isPresent()) {
            log.info("Refused in the UI: {}", reason.get().messageKey());
        } else {
            log.error("Unexpected error in the UI", error.getThrowable());
        }
        // Telling the learner is itself a push: on a page that is closing (a server shutting
        // down with pages open) it fails too, and must not come back here and try again.
        if (ui == null || ui.isClosing() || ui.getSession() == null
                || ui.getSession().getState() != VaadinSessionState.OPEN) {
            return;
        }
        Runnable tell = () -> {
            try {
                Messages.error(reason.map(r -> Messages.text(ui, r))
                        .orElseGet(() -> ui.getTranslation("error.unexpected")));
            } catch (RuntimeException cannotTell) {
                log.debug("Could not show the error on a closing page", cannotTell);
            }
        };
        if (ui.getSession().hasLock()) {
            tell.run(); // a click or an upload: the page's lock is held, and the answer goes with it
        } else {
            ui.access(tell::run);
        }
    }
}
