package org.teachbox.ui.projects;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;

import org.teachbox.classroom.ClassroomService;
import org.teachbox.owner.Owner;
import org.teachbox.pretrained.BackboneLibrary;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectService;
import org.teachbox.samples.SampleProjects;
import org.teachbox.training.ModelStore;
import org.teachbox.ui.bias.BiasLabView;
import org.teachbox.ui.gather.GatherView;
import org.teachbox.ui.join.JoinView;
import org.teachbox.ui.layout.MainLayout;
import org.teachbox.ui.transfer.OpenProjectFile;

/** "My projects": start a project, open a ready-made sample, or continue one of your own. */
@Route(value = "", layout = MainLayout.class)
@AnonymousAllowed
public class ProjectsView extends VerticalLayout implements HasDynamicTitle {

    private final ProjectService projects;
    private final SampleProjects samples;
    private final ModelStore models;
    private final BackboneLibrary backbone;
    private final String owner = Owner.current();
    private final FlexLayout list = new FlexLayout();

    public ProjectsView(ProjectService projects, SampleProjects samples, ModelStore models, BackboneLibrary backbone,
                        OpenProjectFile openFile, ClassroomService classrooms) {
        this.projects = projects;
        this.samples = samples;
        this.models = models;
        this.backbone = backbone;
        addClassName("tb-page");
        list.addClassName("tb-project-list");
        add(new H1(getTranslation("projects.title")), new Paragraph(getTranslation("projects.intro")),
                joinForm(classrooms.learnerOf(owner).isEmpty()), newProjectForm(), backboneNotice(), sampleButtons(), new H2(getTranslation("projects.mine")), list, openFile);
        refresh();
    }

    private Component newProjectForm() {
        TextField name = new TextField(getTranslation("projects.new.name"));
        name.setId("new-project-name");
        name.setValue(getTranslation("projects.new.default-name"));
        name.setMaxLength(projects.limits().maxNameLength());
        Select<ModelKind> kind = new Select<>();
        kind.setId("new-project-kind");
        kind.setLabel(getTranslation("projects.new.kind"));
        List<ModelKind> kinds = backbone.isAvailable() ? List.of(ModelKind.values())
                : List.of(ModelKind.IMAGE, ModelKind.DIGITS);
        kind.setItems(kinds);
        kind.setItemLabelGenerator(k -> getTranslation("projects.kind." + k.name().toLowerCase()));
        kind.setValue(kinds.get(0));
        kind.setWidth("24em"); // room for "Photos (pretrained, like Teachable Machine)" without cutting it
        Paragraph teaches = new Paragraph(getTranslation("projects.kind.teaches." + kind.getValue().name().toLowerCase()));
        teaches.setId("new-project-kind-hint");
        teaches.addClassName("tb-hint");
        kind.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                teaches.setText(getTranslation("projects.kind.teaches." + e.getValue().name().toLowerCase()));
            }
        });
        Button create = new Button(getTranslation("projects.new.create"), e -> open(projects.create(owner,
                name.getValue(), kind.getValue(),
                List.of(getTranslation("class.default-name", 1), getTranslation("class.default-name", 2)))));
        create.setId("create-project");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, kind, create);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        return new Div(form, teaches);
    }

    /** "In a class? Type its code": to the join page, for a learner not in a classroom yet. */
    private Component joinForm(boolean visible) {
        TextField code = new TextField();
        code.setId("class-code");
        code.setPlaceholder(getTranslation("projects.join.placeholder"));
        code.setAriaLabel(getTranslation("join.code"));
        code.setMaxLength(12);
        code.setWidth("9em");
        Button join = new Button(getTranslation("projects.join.button"), e -> getUI().ifPresent(ui ->
                ui.navigate(JoinView.class, new RouteParameters("code", code.getValue().strip()))));
        join.setId("class-code-join");
        HorizontalLayout row = new HorizontalLayout(new Span(getTranslation("projects.join.intro")), code, join);
        row.setAlignItems(Alignment.BASELINE);
        row.setWrap(true);
        row.addClassName("tb-join-row");
        row.setVisible(visible);
        return row;
    }

    /** Without the pretrained network, say so in plain words, and how an admin adds it. */
    private Component backboneNotice() {
        Paragraph notice = new Paragraph(getTranslation("projects.backbone.missing", backbone.directory().toString()));
        notice.setId("backbone-missing");
        notice.addClassName("tb-warning");
        notice.setVisible(!backbone.isAvailable());
        return notice;
    }

    private Component sampleButtons() {
        Button digits = new Button(getTranslation("projects.sample.digits"), e -> loadSample(true));
        digits.setId("sample-digits");
        Button shapes = new Button(getTranslation("projects.sample.shapes"), e -> loadSample(false));
        shapes.setId("sample-shapes");
        Button bias = new Button(getTranslation("projects.sample.bias"), e -> {
            Project p = samples.biasDemo(owner, getTranslation("projects.sample.bias.name"), this::sampleClassName);
            getUI().ifPresent(ui -> ui.navigate(BiasLabView.class, new RouteParameters("projectId", p.id().toString())));
        });
        bias.setId("sample-bias");
        HorizontalLayout row = new HorizontalLayout(new Span(getTranslation("projects.sample.intro")), shapes, digits, bias);
        row.setAlignItems(Alignment.CENTER);
        row.setWrap(true);
        return row;
    }

    /** "circle" becomes "圓形" for a Chinese class; the project keeps the translated name. */
    private String sampleClassName(String name) {
        return getTranslation("projects.sample.class." + name);
    }

    private void loadSample(boolean digits) {
        open(digits ? samples.digits(owner, getTranslation("projects.sample.digits.name"))
                : samples.shapes(owner, getTranslation("projects.sample.shapes.name"), this::sampleClassName));
    }

    private void refresh() {
        list.removeAll();
        List<Project> mine = projects.projectsOf(owner);
        if (mine.isEmpty()) {
            list.add(new Paragraph(getTranslation("projects.none")));
        }
        for (Project p : mine) {
            list.add(card(p));
        }
    }

    private Component card(Project p) {
        RouterLink link = new RouterLink(p.name(), GatherView.class, new RouteParameters("projectId", p.id().toString()));
        link.addClassName("tb-project-name");
        var classes = projects.classes(owner, p.id());
        int images = classes.stream().mapToInt(c -> c.sampleCount()).sum();
        Span meta = new Span(getTranslation("projects.card.meta", classes.size(), images));
        meta.addClassName("tb-muted");
        Button delete = new Button(getTranslation("projects.delete"), e -> confirmDelete(p));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        Div card = new Div(link, meta, delete);
        card.addClassName("tb-project-card");
        return card;
    }

    /** Deleting takes every image with it, so a learner confirms it once more. */
    private void confirmDelete(Project p) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("projects.delete.title", p.name()));
        dialog.add(new Paragraph(getTranslation("projects.delete.text")));
        Button yes = new Button(getTranslation("projects.delete"), e -> {
            projects.deleteProject(owner, p.id());
            models.forget(p.id());
            dialog.close();
            refresh();
        });
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        yes.setId("confirm-delete");
        Button no = new Button(getTranslation("projects.delete.keep"), e -> dialog.close());
        dialog.getFooter().add(no, yes);
        dialog.open();
    }

    private void open(Project p) {
        getUI().ifPresent(ui -> ui.navigate(GatherView.class, new RouteParameters("projectId", p.id().toString())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("projects.title") + " · Teachbox";
    }
}
