package org.teachbox.ui.join;

import jakarta.servlet.http.HttpServletRequest;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import org.teachbox.classroom.ClassroomRuleException;
import org.teachbox.classroom.ClassroomService;
import org.teachbox.classroom.Learner;
import org.teachbox.owner.Owner;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.ui.Messages;
import org.teachbox.ui.layout.MainLayout;

/**
 * Joining a classroom, or coming back to it: the code from the projector (already filled in when
 * the learner followed the join link or QR code), a display name and a four-digit PIN. The first
 * time, name and PIN are chosen; afterwards the same three bring back every project, on any
 * computer. Success reloads the app as that learner.
 */
@Route(value = "join/:code?", layout = MainLayout.class)
@AnonymousAllowed
public class JoinView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ClassroomService classrooms;
    private final TextField code = new TextField();
    private final TextField name = new TextField();
    private final PasswordField pin = new PasswordField();
    private final Paragraph problem = new Paragraph();

    public JoinView(ClassroomService classrooms) {
        this.classrooms = classrooms;
        addClassName("tb-page");
        addClassName("tb-join");
        configureFields();
        Button join = new Button(getTranslation("join.button"), e -> join());
        join.setId("join-button");
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        join.addClickShortcut(Key.ENTER);
        problem.setId("join-problem");
        problem.addClassName("tb-join-problem");
        problem.setVisible(false);
        add(new H1(getTranslation("join.title")), new Paragraph(getTranslation("join.intro")),
                code, name, pin, problem, join);
    }

    private void configureFields() {
        code.setLabel(getTranslation("join.code"));
        code.setId("join-code");
        code.setMaxLength(12);
        code.addClassName("tb-join-code");
        name.setLabel(getTranslation("join.name"));
        name.setHelperText(getTranslation("join.name.hint"));
        name.setId("join-name");
        name.setMaxLength(30);
        pin.setLabel(getTranslation("join.pin"));
        pin.setHelperText(getTranslation("join.pin.hint"));
        pin.setId("join-pin");
        pin.setMaxLength(4);
        pin.setAllowedCharPattern("[0-9]");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        code.setValue(event.getRouteParameters().get("code").orElse(""));
        name.clear();
        pin.clear();
        problem.setVisible(false);
    }

    private void join() {
        try {
            Learner learner = classrooms.join(code.getValue(), name.getValue(), pin.getValue(), clientAddress(),
                    Owner.browser());
            Owner.becomeLearner(learner.ownerToken());
            UI.getCurrent().getPage().setLocation("/");
        } catch (ClassroomRuleException | ProjectRuleException refused) {
            problem.setText(Messages.text(this, refused));
            problem.setVisible(true);
            pin.clear();
        }
    }

    private static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request instanceof VaadinServletRequest servlet) {
            HttpServletRequest http = servlet.getHttpServletRequest();
            return http.getRemoteAddr();
        }
        return "?";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("join.title") + " · Teachbox";
    }
}
