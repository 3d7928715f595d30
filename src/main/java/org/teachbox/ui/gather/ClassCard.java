package org.teachbox.ui.gather;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

import org.teachbox.project.ImageClass;
import org.teachbox.project.ModelKind;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.project.Shelf;
import org.teachbox.ui.Messages;

/**
 * A card for one class: its name, its training pictures (thumbnails with a count, and the ways to
 * add more), and below them a folded shelf of test pictures, which the model never trains on and
 * is judged on after training. Tells its view when the class was deleted.
 */
class ClassCard extends Div {

    private final ProjectService projects;
    private final String owner;
    private final ImageClass imageClass;
    private final Span count = new Span();
    private final Div tests = new Div();
    private final Button toggle = new Button();
    private final Div testBody = new Div();
    private int testCount;
    private final PictureShelf training;
    private final SampleIntake intake;
    private final ModelKind kind;
    private final long maxUploadBytes;
    private PictureShelf testShelf;

    ClassCard(ProjectService projects, SampleIntake intake, String owner, ImageClass imageClass, ModelKind kind,
              long maxUploadBytes) {
        this.projects = projects;
        this.owner = owner;
        this.imageClass = imageClass;
        this.intake = intake;
        this.kind = kind;
        this.maxUploadBytes = maxUploadBytes;
        addClassName("tb-class-card");
        setId("class-" + imageClass.position());
        training = new PictureShelf(projects, intake, owner, imageClass, Shelf.TRAINING, kind, maxUploadBytes,
                n -> count.setText(getTranslation("class.count", n)));
        add(header(), training, testPictures());
        refresh();
    }

    private Component header() {
        TextField name = new TextField();
        name.setValue(imageClass.name());
        name.setAriaLabel(getTranslation("class.name"));
        name.setMaxLength(projects.limits().maxNameLength());
        name.addClassName("tb-class-name");
        name.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                name.setValue(projects.renameClass(owner, imageClass.id(), e.getValue()));
            } catch (ProjectRuleException ex) {
                Messages.error(this, ex);
                name.setValue(e.getOldValue());
            }
        });
        count.addClassName("tb-count");
        Button clear = new Button(getTranslation("class.clear"), e -> training.clear());
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Button delete = new Button(getTranslation("class.delete"), e -> refused(() -> {
            projects.deleteClass(owner, imageClass.id());
            fireEvent(new DeletedEvent(this));
        }));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        name.setWidthFull();
        Div tools = new Div(count, clear, delete);
        tools.addClassName("tb-card-tools");
        Div header = new Div(name, tools);
        header.addClassName("tb-card-header");
        return header;
    }

    /**
     * Folded by default: most lessons never need it, and the card stays as short as before. Its
     * upload and webcam are made when it is first opened, so a page of twelve cards does not carry
     * twelve more of each.
     */
    private Component testPictures() {
        tests.addClassName("tb-test-shelf");
        toggle.addClassName("tb-test-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        toggle.getElement().setAttribute("aria-expanded", "false");
        toggle.addClickListener(e -> setTestsOpen(!testBody.isVisible()));
        testBody.addClassName("tb-test-body");
        testBody.setVisible(false);
        tests.add(toggle, testBody);
        return tests;
    }

    private void setTestsOpen(boolean open) {
        if (open && testShelf == null) {
            testShelf = new PictureShelf(projects, intake, owner, imageClass, Shelf.TEST, kind, maxUploadBytes,
                    this::showTestCount);
            Paragraph hint = new Paragraph(getTranslation("test-pictures.hint"));
            hint.addClassName("tb-muted");
            Button clear = new Button(getTranslation("test-pictures.clear"), c -> testShelf.clear());
            clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            clear.addClassName("tb-test-clear");
            testBody.add(hint, testShelf, clear);
            testShelf.refresh();
        }
        testBody.setVisible(open);
        toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
        showTestCount(testCount);
    }

    void refresh() {
        training.refresh();
        if (testShelf != null) {
            testShelf.refresh();
        } else {
            projects.classes(owner, imageClass.projectId()).stream().filter(c -> c.id().equals(imageClass.id()))
                    .findFirst().ifPresent(c -> showTestCount(c.testCount()));
        }
    }

    private void showTestCount(int n) {
        testCount = n;
        toggle.setText((testBody.isVisible() ? "▾ " : "▸ ") + getTranslation("test-pictures.summary", n));
    }

    /** Runs a learner's request; a refusal (the class is gone, say) becomes one message. */
    private void refused(Runnable request) {
        try {
            request.run();
        } catch (ProjectRuleException e) {
            Messages.error(this, e);
        }
    }

    Registration addDeletedListener(ComponentEventListener<DeletedEvent> listener) {
        return addListener(DeletedEvent.class, listener);
    }

    static class DeletedEvent extends ComponentEvent<ClassCard> {
        DeletedEvent(ClassCard source) {
            super(source, false);
        }
    }
}
