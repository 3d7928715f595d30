package org.teachbox.ui.transfer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import org.teachbox.transfer.OpenedProject;

/**
 * Tells the learner, on the opened project's page, which files of the project file were left out
 * and why. It stays until closed: a learner may want to fix those files and add them by hand.
 */
final class OpenReport {

    private OpenReport() {
    }

    static void show(OpenedProject opened) {
        Notification note = new Notification();
        note.addThemeVariants(NotificationVariant.LUMO_WARNING);
        note.setPosition(Notification.Position.BOTTOM_CENTER);
        note.setDuration(0);
        Paragraph summary = new Paragraph(note.getTranslation("transfer.open.report",
                opened.project().name(), opened.pictures(), opened.rejected().size()));
        UnorderedList list = new UnorderedList();
        list.addClassName("tb-open-report-list");
        OpenProjectFile.list(list, opened.rejected());
        Button close = new Button(note.getTranslation("common.close"), e -> note.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        Div content = new Div(summary, list, close);
        content.setId("open-report");
        content.addClassName("tb-open-report");
        note.add(content);
        note.open();
    }
}
