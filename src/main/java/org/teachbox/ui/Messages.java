package org.teachbox.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import org.teachbox.UserMessage;

/** Shows a refused request to the learner in their language, never as a stack trace. */
public final class Messages {

    private Messages() {
    }

    public static void error(Component on, UserMessage message) {
        error(text(on, message));
    }

    /** The sentence a refused upload or request becomes, in the language of {@code on}'s page. */
    public static String text(Component on, UserMessage message) {
        return on.getTranslation(message.messageKey(), message.messageArgs());
    }

    /** The learner-facing reason somewhere in a failure's causes, if the failure has one. */
    public static Optional<UserMessage> reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UserMessage message) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    public static void info(String text) {
        Notification n = Notification.show(text, 4000, Notification.Position.BOTTOM_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String text) {
        Notification n = Notification.show(text, 6000, Notification.Position.BOTTOM_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
