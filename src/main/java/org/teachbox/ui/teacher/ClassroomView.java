package org.teachbox.ui.teacher;

import java.io.OutputStream;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;

import jakarta.annotation.security.RolesAllowed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teachbox.classroom.Classroom;
import org.teachbox.classroom.ClassroomArchive;
import org.teachbox.classroom.ClassroomProgress;
import org.teachbox.classroom.ClassroomRuleException;
import org.teachbox.classroom.ClassroomService;
import org.teachbox.classroom.DashboardClock;
import org.teachbox.classroom.LearnerProgress;
import org.teachbox.ui.Messages;
import org.teachbox.ui.layout.MainLayout;

/**
 * One classroom on the projector and on the teacher's screen: the join code, link and QR code;
 * every learner's projects, pictures and training, refreshed live; stop a training, reset a
 * PIN, remove a learner, take the whole classroom home as a zip, or end the classroom.
 */
@Route(value = "teacher/classroom/:classroomId", layout = MainLayout.class)
@RolesAllowed("TEACHER")
public class ClassroomView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ClassroomView.class);

    private final ClassroomService classrooms;
    private final ClassroomProgress progress;
    private final DashboardClock clock;
    private final H1 title = new H1();
    private final JoinPanel join = new JoinPanel();
    private final Div learners = new Div();
    private final Anchor download = new Anchor();
    private Classroom classroom;
    private List<LearnerProgress> shown;
    private ScheduledFuture<?> ticking;

    public ClassroomView(ClassroomService classrooms, ClassroomProgress progress, ClassroomArchive archive,
                         DashboardClock clock) {
        this.classrooms = classrooms;
        this.progress = progress;
        this.clock = clock;
        addClassName("tb-page");
        learners.setId("learners");
        learners.addClassName("tb-learners");
        join.openOrClose.addClickListener(e -> {
            classrooms.setOpen(classroom.id(), !classroom.open());
            load(classroom.id());
        });
        download.setHref(downloadHandler(archive), com.vaadin.flow.component.html.AttachmentType.DOWNLOAD);
        download.setId("download-classroom");
        download.getElement().setAttribute("router-ignore", true);
        Button downloadButton = new Button(getTranslation("classroom.download"));
        downloadButton.setTabIndex(-1);
        download.add(downloadButton);
        Button end = new Button(getTranslation("classroom.end"), e -> confirmEnd());
        end.setId("end-classroom");
        end.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div actions = new Div(download, end);
        actions.addClassName("tb-actions");
        add(new RouterLink(getTranslation("classroom.back"), TeacherView.class), title, join,
                new H2(getTranslation("classroom.learners")), new Paragraph(getTranslation("classroom.learners.hint")),
                learners, actions);
    }

    private DownloadHandler downloadHandler(ClassroomArchive archive) {
        return event -> {
            UUID id = classroom.id();
            event.setFileName(archive.fileName(id));
            event.setContentType("application/zip");
            try (OutputStream out = event.getOutputStream()) {
                archive.write(id, out);
            }
        };
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            load(UUID.fromString(event.getRouteParameters().get("classroomId").orElse("")));
        } catch (IllegalArgumentException | ClassroomRuleException missing) {
            event.forwardTo(TeacherView.class);
        }
    }

    private void load(UUID classroomId) {
        classroom = classrooms.classroom(classroomId);
        title.setText(classroom.name());
        join.show(classroom);
        shown = null;
        show(progress.of(classroomId));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        ticking = clock.every(() -> refresh(ui));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
        super.onDetach(detachEvent);
    }

    /** On the clock's thread: read outside the session lock, then show inside it. */
    private void refresh(UI ui) {
        Classroom current = classroom;
        if (current == null) {
            return;
        }
        try {
            List<LearnerProgress> now = progress.of(current.id());
            ui.access(() -> show(now));
        } catch (com.vaadin.flow.component.UIDetachedException gone) {
            // the page closed between two ticks; onDetach stops the clock
        } catch (RuntimeException e) {
            log.warn("Could not refresh classroom {}", current.id(), e);
        }
    }

    private void show(List<LearnerProgress> now) {
        if (now.equals(shown)) {
            return;
        }
        shown = now;
        learners.removeAll();
        if (now.isEmpty()) {
            learners.add(new Paragraph(getTranslation("classroom.learners.none")));
        }
        for (LearnerProgress learner : now) {
            learners.add(new LearnerCard(learner, (l, p) -> {
                progress.stopTraining(l.learnerId(), p.projectId());
                Messages.info(getTranslation("classroom.stopped", l.name(), p.name()));
            }, this::resetPin, this::confirmRemove));
        }
    }

    private void resetPin(LearnerProgress learner) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("classroom.reset-pin.title", learner.name()));
        PasswordField pin = new PasswordField(getTranslation("join.pin"));
        pin.setId("new-pin");
        pin.setMaxLength(4);
        pin.setAllowedCharPattern("[0-9]");
        pin.setRevealButtonVisible(true);
        dialog.add(new Paragraph(getTranslation("classroom.reset-pin.text")), pin);
        Button save = new Button(getTranslation("classroom.reset-pin.save"), e -> {
            classrooms.resetPin(learner.learnerId(), pin.getValue());
            dialog.close();
            Messages.info(getTranslation("classroom.reset-pin.done", learner.name()));
        });
        save.setId("save-pin");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void confirmRemove(LearnerProgress learner) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("classroom.remove.title", learner.name()));
        dialog.add(new Paragraph(getTranslation("classroom.remove.text", learner.name(), learner.projects().size())));
        Button yes = new Button(getTranslation("classroom.remove.confirm"), e -> {
            classrooms.removeLearner(learner.learnerId());
            dialog.close();
            Messages.info(getTranslation("classroom.remove.done", learner.name()));
            shown = null;
            show(progress.of(classroom.id()));
        });
        yes.setId("confirm-remove");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), yes);
        dialog.open();
    }

    private void confirmEnd() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("classroom.end.title", classroom.name()));
        dialog.add(new Paragraph(getTranslation("classroom.end.text")));
        Button yes = new Button(getTranslation("classroom.end.confirm"), e -> {
            classrooms.delete(classroom.id());
            dialog.close();
            getUI().ifPresent(ui -> ui.navigate(TeacherView.class));
        });
        yes.setId("confirm-end");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("classroom.end.keep"), e -> dialog.close()), yes);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return (classroom == null ? getTranslation("teacher.title") : classroom.name()) + " · Teachbox";
    }
}
