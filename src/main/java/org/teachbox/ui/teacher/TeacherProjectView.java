package org.teachbox.ui.teacher;

import java.io.OutputStream;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;

import jakarta.annotation.security.RolesAllowed;

import org.teachbox.classroom.ClassroomRuleException;
import org.teachbox.classroom.ClassroomService;
import org.teachbox.classroom.Learner;
import org.teachbox.project.ImageClass;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.prediction.ExplanationQueue;
import org.teachbox.prediction.PredictionService;
import org.teachbox.project.ProjectService;
import org.teachbox.training.ModelStore;
import org.teachbox.training.TrainingReport;
import org.teachbox.ui.components.ConfusionMatrix;
import org.teachbox.ui.insights.CurvesPanel;
import org.teachbox.ui.layout.MainLayout;

/**
 * A learner's project for the projector, read-only: each class with its newest pictures, and the
 * current model's curves, accuracy and confusion matrix, and a picture to try on the model.
 * Nothing here can change the project.
 * Pictures stream through this page, so only a signed-in teacher can see them.
 */
@Route(value = "teacher/project/:learnerId/:projectId", layout = MainLayout.class)
@RolesAllowed("TEACHER")
public class TeacherProjectView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final int THUMBNAILS = 24;

    private final ClassroomService classrooms;
    private final ProjectService projects;
    private final ModelStore models;
    private final H1 title = new H1();
    private final RouterLink back = new RouterLink();
    private final Paragraph who = new Paragraph();
    private final Div classes = new Div();
    private final Paragraph verdict = new Paragraph();
    private final CurvesPanel curves = new CurvesPanel();
    private final ConfusionMatrix confusion = new ConfusionMatrix();
    private final Div model;
    private final ProjectorPreview tryIt;
    private ProjectorPreview.Target shown;

    public TeacherProjectView(ClassroomService classrooms, ProjectService projects, ModelStore models,
                              PredictionService predictions, ExplanationQueue explanations) {
        this.classrooms = classrooms;
        this.projects = projects;
        this.models = models;
        this.tryIt = new ProjectorPreview(predictions, explanations, () -> shown);
        addClassName("tb-page");
        classes.addClassName("tb-cards");
        classes.setId("readonly-classes");
        verdict.setId("readonly-verdict");
        confusion.setTexts(getTranslation("insights.actual"), getTranslation("insights.predicted"),
                getTranslation("insights.cell.tooltip"));
        Div matrix = new Div(new H3(getTranslation("insights.confusion")), confusion);
        matrix.addClassName("tb-panel");
        model = new Div(curves, matrix);
        model.addClassName("tb-curves");
        Paragraph readOnly = new Paragraph(getTranslation("teacher.project.read-only"));
        readOnly.addClassName("tb-hint");
        add(back, title, who, readOnly, classes, verdict, tryIt, model);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            Learner learner = classrooms.learner(UUID.fromString(event.getRouteParameters().get("learnerId").orElse("")));
            Project project = projects.project(learner.ownerToken(),
                    UUID.fromString(event.getRouteParameters().get("projectId").orElse("")));
            show(learner, project);
        } catch (IllegalArgumentException | ClassroomRuleException | ProjectRuleException missing) {
            event.forwardTo(TeacherView.class);
        }
    }

    private void show(Learner learner, Project project) {
        back.setText(getTranslation("classroom.back-to", classrooms.classroomOf(learner).name()));
        back.setRoute(ClassroomView.class, new RouteParameters("classroomId", learner.classroomId().toString()));
        title.setText(project.name());
        who.setText(getTranslation("teacher.project.by", learner.name()));
        classes.removeAll();
        for (ImageClass c : projects.classes(learner.ownerToken(), project.id())) {
            classes.add(classCard(learner.ownerToken(), c));
        }
        Optional<ModelStore.StoredModel> stored = models.load(learner.ownerToken(), project.id());
        model.setVisible(stored.isPresent());
        tryIt.setVisible(stored.isPresent());
        shown = new ProjectorPreview.Target(learner.ownerToken(), project.id());
        verdict.setText(stored.map(m -> getTranslation("teacher.project.verdict",
                Math.round(100 * m.report().validationAccuracy()))).orElse(getTranslation("insights.no-model")));
        stored.ifPresent(m -> {
            TrainingReport report = m.report();
            curves.show(report.history(), report.bestEpoch());
            confusion.setData(report.classNames(), report.confusion());
            tryIt.setClassNames(m.classNames());
        });
    }

    private Div classCard(String owner, ImageClass c) {
        Span name = new Span(c.name());
        name.addClassName("tb-class-name");
        Span count = new Span(getTranslation("classroom.pictures", c.sampleCount()));
        count.addClassName("tb-count");
        Div thumbs = new Div();
        thumbs.addClassName("tb-thumbs");
        for (UUID id : projects.recentSampleIds(owner, c.id(), THUMBNAILS)) {
            Image img = new Image(picture(owner, id), c.name());
            img.addClassName("tb-thumb-img");
            thumbs.add(img);
        }
        Div card = new Div(new Div(name, new Span(" "), count), thumbs);
        card.addClassName("tb-class-card");
        return card;
    }

    private DownloadHandler picture(String owner, UUID sampleId) {
        return event -> {
            byte[] bytes = projects.sample(owner, sampleId).image();
            event.setContentType("image/jpeg");
            try (OutputStream out = event.getOutputStream()) {
                out.write(bytes);
            }
        };
    }

    @Override
    public String getPageTitle() {
        return title.getText() + " · Teachbox";
    }
}
