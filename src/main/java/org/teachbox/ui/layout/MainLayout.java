package org.teachbox.ui.layout;

import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;

import org.teachbox.classroom.ClassroomService;
import org.teachbox.owner.Owner;
import org.teachbox.ui.projects.ProjectsView;
import org.teachbox.ui.teacher.TeacherView;

/**
 * The frame around every page: the name, a way home, the teacher's entrance, the learner's name
 * while they work in a classroom (with a way to leave it), and the language switch.
 */
@AnonymousAllowed
public class MainLayout extends Div implements RouterLayout {

    private final Main content = new Main();
    private final Announcer announcer = new Announcer();

    private final ClassroomService classrooms;

    public MainLayout(ClassroomService classrooms) {
        this.classrooms = classrooms;
        addClassName("tb-app");
        content.addClassName("tb-content");
        add(header(), content, announcer);
    }

    /** The live region that reads results out to a screen reader, see {@link Announcer}. */
    Announcer announcer() {
        return announcer;
    }

    private Component header() {
        RouterLink home = new RouterLink(ProjectsView.class);
        home.add(new Span("Teachbox"));
        home.addClassName("tb-brand");
        RouterLink projects = new RouterLink(getTranslation("nav.projects"), ProjectsView.class);
        projects.addClassName("tb-nav");

        Select<Locale> language = new Select<>();
        language.setItems(LanguageChoice.SUPPORTED);
        language.setItemLabelGenerator(l -> l.equals(LanguageChoice.ENGLISH) ? "English" : "繁體中文");
        language.setValue(UI.getCurrent().getLocale().equals(LanguageChoice.TRADITIONAL_CHINESE)
                ? LanguageChoice.TRADITIONAL_CHINESE : LanguageChoice.ENGLISH);
        language.setAriaLabel(getTranslation("nav.language"));
        language.setId("language");
        language.addClassName("tb-language");
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                LanguageChoice.remember(UI.getCurrent().getSession(), e.getValue());
                UI.getCurrent().setLocale(e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
        RouterLink teacher = new RouterLink(getTranslation("nav.teacher"), TeacherView.class);
        teacher.addClassName("tb-nav");
        teacher.setId("nav-teacher");
        Span spacer = new Span();
        spacer.addClassName("tb-spacer");
        Header header = new Header(home, projects, teacher, spacer, learnerBadge(), language);
        header.addClassName("tb-header");
        return header;
    }

    /** "Leo · 7B" and Leave, while this browser works as a classroom learner; nothing otherwise. */
    private Component learnerBadge() {
        Span badge = new Span();
        badge.addClassName("tb-learner");
        classrooms.learnerOf(Owner.current()).ifPresent(learner -> {
            Span who = new Span(getTranslation("nav.learner", learner.name(), classrooms.classroomOf(learner).name()));
            who.setId("learner-name");
            Button leave = new Button(getTranslation("nav.leave"), e -> {
                UI.getCurrent().getPage().setLocation("/");
                Owner.leaveClassroom();
            });
            leave.setId("leave-classroom");
            leave.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            badge.add(who, leave);
        });
        return badge;
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.getElement().removeAllChildren();
        content.getElement().appendChild(view.getElement());
    }
}
