package org.teachbox.ui.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSessionState;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.teachbox.ui.Messages;

/**
 * The last line of defence: an exception nobody caught in a click, an upload or a push is
 * logged for the teacher's IT person and shown to the learner as one calm, translated sentence,
 * never a trace. A refusal that carries its own reason (a project rule, a bad picture) says that.
 */
@Component
class ErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            UI ui = UI.getCurrent();
            var reason = Messages.reason(error.getThrowable());
            if (reason.isPresent()) {
                log.info("Refused in the UI: {}", reason.get().messageKey());
            } else {
                log.error("Unexpected error in the UI", error.getThrowable());
            }
            // Telling the learner is itself a push: on a page that is closing (a server shutting
            // down with pages open) it fails too, and must not come back here and try again.
            if (ui != null && !ui.isClosing() && ui.getSession() != null
                    && ui.getSession().getState() == VaadinSessionState.OPEN) {
                ui.access(() -> {
                    try {
                        Messages.error(reason.map(r -> Messages.text(ui, r))
                                .orElseGet(() -> ui.getTranslation("error.unexpected")));
                    } catch (RuntimeException cannotTell) {
                        log.debug("Could not show the error on a closing page", cannotTell);
                    }
                });
            }
        }));
    }
}
