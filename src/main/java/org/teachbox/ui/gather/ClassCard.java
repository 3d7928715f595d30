package org.teachbox.ui.gather;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;

import org.teachbox.project.ImageClass;
import org.teachbox.project.ModelKind;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.ui.Messages;
import org.teachbox.ui.UploadTexts;
import org.teachbox.ui.components.DrawPad;
import org.teachbox.ui.components.WebcamCapture;

/**
 * A card for one class: its name, its images as thumbnails with a count, and the ways to add
 * more (upload, webcam, drawing). Tells its view when the class was deleted.
 */
class ClassCard extends Div {

    static final int THUMBNAILS = 48;

    private final ProjectService projects;
    private final SampleIntake intake;
    private final String owner;
    private final ImageClass imageClass;
    private final Span count = new Span();
    private final Div thumbnails = new Div();
    private final UploadReport report = new UploadReport();
    private final Div capture = new Div();
    private final Span more = new Span();
    private int total;
    private long captured;

    ClassCard(ProjectService projects, SampleIntake intake, String owner, ImageClass imageClass, ModelKind kind,
              long maxUploadBytes) {
        this.projects = projects;
        this.intake = intake;
        this.owner = owner;
        this.imageClass = imageClass;
        addClassName("tb-class-card");
        setId("class-" + imageClass.position());
        thumbnails.addClassName("tb-thumbs");
        capture.addClassName("tb-capture");
        more.addClassName("tb-muted");
        add(header(), sources(kind, maxUploadBytes), capture, report, thumbnails, more);
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
        Button clear = new Button(getTranslation("class.clear"), e -> refused(() -> {
            projects.clearClass(owner, imageClass.id());
            refresh();
        }));
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

    private Component sources(ModelKind kind, long maxUploadBytes) {
        Upload upload = new Upload(upload(maxUploadBytes));
        upload.setI18n(UploadTexts.of(this));
        upload.setMaxFiles(projects.limits().maxImagesPerClass());
        // Too big is known before a byte is sent: the browser refuses it, and says so below.
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxUploadBytes));
        upload.addClassName("tb-upload");
        upload.addFileRejectedListener(e -> showFile(e.getFileName(), -1, rejectedByBrowser(e.getFileName(), e.getErrorMessage())));
        upload.addAllFinishedListener(e -> {
            upload.clearFileList();
            report.batchFinished();
        });
        Button webcam = new Button(getTranslation("class.webcam"), e -> showWebcam());
        webcam.addClassName("tb-webcam-button");
        Div buttons = new Div(webcam);
        if (kind == ModelKind.DIGITS) {
            buttons.add(new Button(getTranslation("class.draw"), e -> showDrawPad()));
        }
        buttons.addClassName("tb-card-tools");
        Div sources = new Div(upload, buttons);
        sources.addClassName("tb-sources");
        return sources;
    }

    /**
     * Reads each file with a hard cap (a hostile client may ignore the browser-side limit), stores
     * it outside the session lock, then updates the card inside {@code ui.access}.
     */
    private UploadHandler upload(long maxBytes) {
        return event -> {
            UI ui = event.getUI();
            String fileName = event.getFileName();
            long size = event.getFileSize();
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            SampleIntake.Result result = bytes.length > maxBytes
                    ? intake.tooLarge(fileName)
                    : intake.accept(imageClass.id(), fileName, bytes);
            ui.access(() -> showFile(fileName, size, result));
        };
    }

    private void showWebcam() {
        capture.removeAll();
        WebcamCapture webcam = new WebcamCapture();
        webcam.setMode(WebcamCapture.Mode.RECORD);
        webcam.setTexts(getTranslation("webcam.hold"), getTranslation("webcam.recording"),
                getTranslation("webcam.camera"), getTranslation("webcam.none"), getTranslation("webcam.start"));
        webcam.addFrameCapturedListener(e -> showCaptured(UploadReport.Source.CAMERA,
                intake.acceptCaptured(imageClass.id(), "webcam.jpg", e.getJpeg())));
        Button close = new Button(getTranslation("common.close"), e -> capture.removeAll());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        capture.add(webcam, close);
        webcam.start();
    }

    private void showDrawPad() {
        capture.removeAll();
        DrawPad pad = new DrawPad();
        pad.setTexts(getTranslation("draw.clear"));
        pad.addDrawingListener(e -> {
            showCaptured(UploadReport.Source.DRAWING, intake.acceptCaptured(imageClass.id(), "drawing.png", e.getPng()));
            pad.clear();
        });
        Button close = new Button(getTranslation("common.close"), e -> capture.removeAll());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        capture.add(pad, close);
    }

    /** What the browser refused before sending, in the same words the server would use. */
    private SampleIntake.Result rejectedByBrowser(String fileName, String browserMessage) {
        if (getTranslation("upload.too-big").equals(browserMessage)) {
            return intake.tooLarge(fileName);
        }
        if (getTranslation("upload.too-many").equals(browserMessage)) {
            return SampleIntake.Result.refused("upload.error.too-many-files", fileName,
                    projects.limits().maxImagesPerClass());
        }
        return SampleIntake.Result.refused("upload.error.unsupported", fileName);
    }

    /** An uploaded file, known in its batch by name and size, so a file reported twice counts once. */
    private void showFile(String fileName, long size, SampleIntake.Result result) {
        String file = fileName + "\u0000" + size;
        if (result.stored()) {
            report.added(UploadReport.Source.FILES, file);
            showStored(result.sampleId());
        } else {
            String sentence = getTranslation(result.messageKey(), result.args());
            // Project rules (a full class) speak of the class; the learner still needs the file's name.
            report.refused(UploadReport.Source.FILES, file, sentence.contains(fileName) ? sentence
                    : getTranslation("upload.error.named", fileName, sentence));
        }
    }

    /** A webcam frame or drawing: each stored one counts; a refusal is said once per reason. */
    private void showCaptured(UploadReport.Source source, SampleIntake.Result result) {
        if (result.stored()) {
            report.added(source, "frame " + captured++);
            showStored(result.sampleId());
        } else {
            String sentence = getTranslation(result.messageKey(), result.args());
            report.refused(source, sentence, sentence);
        }
    }

    /**
     * Shows one stored picture. It is added as a single thumbnail rather than redrawing the
     * card: the webcam delivers two dozen a second and each must cost the page almost nothing.
     */
    private void showStored(UUID sampleId) {
        if (total == 0) {
            thumbnails.removeAll();
        }
        total++;
        count.setText(getTranslation("class.count", total));
        thumbnails.addComponentAsFirst(thumbnail(sampleId));
        if (thumbnails.getComponentCount() > THUMBNAILS) {
            thumbnails.remove(thumbnails.getComponentAt(THUMBNAILS));
            more.setText(getTranslation("class.more", total - THUMBNAILS));
            more.setVisible(true);
        }
    }

    void refresh() {
        List<UUID> recent = projects.recentSampleIds(owner, imageClass.id(), THUMBNAILS);
        total = projects.classes(owner, imageClass.projectId()).stream()
                .filter(c -> c.id().equals(imageClass.id())).mapToInt(ImageClass::sampleCount).findFirst().orElse(0);
        count.setText(getTranslation("class.count", total));
        thumbnails.removeAll();
        if (total == 0) {
            Span empty = new Span(getTranslation("class.empty"));
            empty.addClassName("tb-muted");
            thumbnails.add(empty);
        }
        recent.forEach(id -> thumbnails.add(thumbnail(id)));
        more.setText(getTranslation("class.more", total - recent.size()));
        more.setVisible(total > recent.size());
    }

    private Div thumbnail(UUID id) {
        Image image = new Image("samples/" + id, getTranslation("class.thumbnail"));
        image.addClassName("tb-thumb-img");
        Button remove = new Button("×", e -> refused(() -> {
            projects.deleteSample(owner, id);
            refresh();
        }));
        remove.addClassName("tb-thumb-delete");
        remove.setAriaLabel(getTranslation("class.delete-image"));
        Div thumb = new Div(image, remove);
        thumb.addClassName("tb-thumb");
        return thumb;
    }

    /** Runs a learner's request; a refusal (the class or picture is gone, say) becomes one message. */
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
