package org.teachbox.ui.teacher;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import org.teachbox.classroom.LearnerProgress;
import org.teachbox.classroom.LearnerProgress.ProjectProgress;
import org.teachbox.classroom.LearnerProgress.Training;

/**
 * One learner on the dashboard: their name (always as text), each project with its pictures per
 * class and its training, a Stop button while a training waits or runs, Reset PIN and Remove;
 * wrong PINs typed for this name since the learner last signed in, when there are any.
 */
class LearnerCard extends Div {

    LearnerCard(LearnerProgress learner, BiConsumer<LearnerProgress, ProjectProgress> stop, Consumer<LearnerProgress> resetPin,
                Consumer<LearnerProgress> remove) {
        addClassName("tb-panel");
        addClassName("tb-learner-card");
        getElement().setAttribute("data-learner", learner.name());
        Span name = new Span(learner.name());
        name.addClassName("tb-learner-name");
        Button reset = new Button(getTranslation("classroom.reset-pin"), e -> resetPin.accept(learner));
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        reset.addClassName("tb-reset-pin");
        Button removeButton = new Button(getTranslation("classroom.remove"), e -> remove.accept(learner));
        removeButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        removeButton.addClassName("tb-remove-learner");
        Div head = new Div(name, reset, removeButton);
        head.addClassName("tb-learner-head");
        add(head);
        if (learner.failedPinTries() > 0) {
            Paragraph tries = new Paragraph(getTranslation("classroom.wrong-pins", learner.failedPinTries()));
            tries.addClassName("tb-wrong-pins");
            add(tries);
        }
        if (learner.projects().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("classroom.learner.no-projects"));
            none.addClassName("tb-muted");
            add(none);
        }
        for (ProjectProgress p : learner.projects()) {
            add(projectLine(learner, p, stop));
        }
    }

    private Div projectLine(LearnerProgress learner, ProjectProgress p, BiConsumer<LearnerProgress, ProjectProgress> stop) {
        RouterLink open = new RouterLink(p.name(), TeacherProjectView.class,
                new RouteParameters(java.util.Map.of("learnerId", learner.learnerId().toString(), "projectId", p.projectId().toString())));
        open.addClassName("tb-learner-project");
        String classes = p.classes().stream()
                .map(c -> getTranslation("classroom.class-count", c.name(), c.pictures()))
                .collect(Collectors.joining(" · "));
        Span pictures = new Span(classes);
        pictures.addClassName("tb-muted");
        Span training = new Span(trainingText(p.training()));
        training.addClassName("tb-training-state");
        training.getElement().setAttribute("data-state", p.training().state().name());
        Div line = new Div(open, pictures, training);
        line.addClassName("tb-learner-line");
        if (p.training().isActive()) {
            Button stopButton = new Button(getTranslation("classroom.stop"), e -> stop.accept(learner, p));
            stopButton.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            stopButton.addClassName("tb-stop-training");
            line.add(stopButton);
        }
        return line;
    }

    private String trainingText(Training t) {
        return switch (t.state()) {
            case NEVER -> getTranslation("classroom.training.never");
            case WAITING -> getTranslation("classroom.training.waiting", t.queuePosition());
            case RUNNING -> getTranslation("classroom.training.running", t.epoch(), t.epochs());
            case FINISHED -> getTranslation("classroom.training.finished", Math.round(t.validationAccuracy() * 100));
            case CANCELLED -> getTranslation("classroom.training.cancelled");
            case DIVERGED -> getTranslation("classroom.training.diverged");
        };
    }
}
