package org.teachbox.ui.teacher;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.RolesAllowed;

import org.teachbox.classroom.Classroom;
import org.teachbox.classroom.ClassroomService;
import org.teachbox.ui.layout.MainLayout;

/** The teacher's start page: open a classroom, or go to one opened before. */
@Route(value = "teacher", layout = MainLayout.class)
@RolesAllowed("TEACHER")
public class TeacherView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ClassroomService classrooms;
    private final Div list = new Div();
    private final Span signedIn = new Span();

    public TeacherView(ClassroomService classrooms, AuthenticationContext auth) {
        this.classrooms = classrooms;
        addClassName("tb-page");
        list.addClassName("tb-project-list");
        list.setId("classrooms");
        Button signOut = new Button(getTranslation("teacher.sign-out"), e -> auth.logout());
        signOut.setId("teacher-sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signedIn.setText(getTranslation("teacher.signed-in", auth.getPrincipalName().orElse("")));
        signedIn.addClassName("tb-muted");
        HorizontalLayout who = new HorizontalLayout(signedIn, signOut);
        who.setAlignItems(Alignment.CENTER);
        add(new H1(getTranslation("teacher.title")), who, new Paragraph(getTranslation("teacher.intro")),
                newClassroomForm(), new H2(getTranslation("teacher.classrooms")), list);
    }

    private Component newClassroomForm() {
        TextField name = new TextField(getTranslation("teacher.new.name"));
        name.setId("classroom-name");
        name.setPlaceholder(getTranslation("teacher.new.placeholder"));
        name.setMaxLength(60);
        Button open = new Button(getTranslation("teacher.new.open"), e -> {
            Classroom c = classrooms.create(name.getValue());
            getUI().ifPresent(ui -> ui.navigate(ClassroomView.class, new RouteParameters("classroomId", c.id().toString())));
        });
        open.setId("open-classroom");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, open);
        form.setAlignItems(Alignment.BASELINE);
        return form;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        list.removeAll();
        var all = classrooms.classrooms();
        if (all.isEmpty()) {
            list.add(new Paragraph(getTranslation("teacher.none")));
        }
        for (Classroom c : all) {
            RouterLink link = new RouterLink(c.name(), ClassroomView.class, new RouteParameters("classroomId", c.id().toString()));
            link.addClassName("tb-project-name");
            Span meta = new Span(getTranslation(c.open() ? "teacher.card.open" : "teacher.card.closed",
                    c.joinCode(), classrooms.learners(c.id()).size()));
            meta.addClassName("tb-muted");
            Div card = new Div(link, meta);
            card.addClassName("tb-project-card");
            list.add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("teacher.title") + " · Teachbox";
    }
}
