package org.teachbox.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import org.teachbox.project.ProjectRuleException;

/** Shows a refused request to the learner in their language, never as a stack trace. */
public final class Messages {

    private Messages() {
    }

    public static void error(Component on, ProjectRuleException e) {
        error(on.getTranslation(e.messageKey(), e.messageArgs()));
    }

    public static void error(String text) {
        Notification n = Notification.show(text, 6000, Notification.Position.BOTTOM_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
