package org.teachbox.ui.gather;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;

import org.teachbox.project.ImageClass;
import org.teachbox.project.ModelKind;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.project.Shelf;
import org.teachbox.ui.Messages;
import org.teachbox.ui.UploadTexts;
import org.teachbox.ui.components.DrawPad;
import org.teachbox.ui.components.WebcamCapture;

/**
 * One shelf of a class card: the ways to add pictures (upload, webcam, drawing), what became of
 * each, and thumbnails. A card has one for its training pictures and one, folded away, for its
 * test pictures; both take the same path through {@link SampleIntake}, so a test picture is
 * checked, oriented and cropped exactly like a training one. The count goes to whoever shows it.
 */
class PictureShelf extends Div {

    static final int THUMBNAILS = 48;

    private final ProjectService projects;
    private final SampleIntake intake;
    private final String owner;
    private final ImageClass imageClass;
    private final Shelf shelf;
    private final IntConsumer counted;
    private final Div thumbnails = new Div();
    private final UploadReport report = new UploadReport();
    private final Div capture = new Div();
    private final Span more = new Span();
    private int total;
    private long captured;

    PictureShelf(ProjectService projects, SampleIntake intake, String owner, ImageClass imageClass, Shelf shelf,
                 ModelKind kind, long maxUploadBytes, IntConsumer counted) {
        this.projects = projects;
        this.intake = intake;
        this.owner = owner;
        this.imageClass = imageClass;
        this.shelf = shelf;
        this.counted = counted;
        addClassName("tb-shelf");
        thumbnails.addClassName("tb-thumbs");
        capture.addClassName("tb-capture");
        more.addClassName("tb-muted");
        add(sources(kind, maxUploadBytes), capture, report, thumbnails, more);
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
     * it outside the session lock, then updates the shelf inside {@code ui.access}.
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
                    : intake.accept(imageClass.id(), shelf, fileName, bytes);
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
                intake.acceptCaptured(imageClass.id(), shelf, "webcam.jpg", e.getJpeg())));
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
            showCaptured(UploadReport.Source.DRAWING,
                    intake.acceptCaptured(imageClass.id(), shelf, "drawing.png", e.getPng()));
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
            return SampleIntake.Result.refused(text("upload.error.too-many-files", "test-pictures.too-many-files"),
                    fileName, projects.limits().maxImagesPerClass());
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
     * shelf: the webcam delivers two dozen a second and each must cost the page almost nothing.
     */
    private void showStored(UUID sampleId) {
        if (total == 0) {
            thumbnails.removeAll();
        }
        total++;
        counted.accept(total);
        thumbnails.addComponentAsFirst(thumbnail(sampleId));
        if (thumbnails.getComponentCount() > THUMBNAILS) {
            thumbnails.remove(thumbnails.getComponentAt(THUMBNAILS));
            more.setText(getTranslation("class.more", total - THUMBNAILS));
            more.setVisible(true);
        }
    }

    void refresh() {
        List<UUID> recent = projects.recentSampleIds(owner, imageClass.id(), shelf, THUMBNAILS);
        total = projects.classes(owner, imageClass.projectId()).stream()
                .filter(c -> c.id().equals(imageClass.id())).mapToInt(c -> c.count(shelf)).findFirst().orElse(0);
        counted.accept(total);
        thumbnails.removeAll();
        if (total == 0) {
            Span empty = new Span(getTranslation(text("class.empty", "test-pictures.empty")));
            empty.addClassName("tb-muted");
            thumbnails.add(empty);
        }
        recent.forEach(id -> thumbnails.add(thumbnail(id)));
        more.setText(getTranslation("class.more", total - recent.size()));
        more.setVisible(total > recent.size());
    }

    /** Removes every picture on this shelf; the other shelf keeps its own. */
    void clear() {
        refused(() -> {
            projects.clearClass(owner, imageClass.id(), shelf);
            refresh();
        });
    }

    private Div thumbnail(UUID id) {
        Image image = new Image("samples/" + id, getTranslation(text("class.thumbnail", "test-pictures.thumbnail")));
        image.addClassName("tb-thumb-img");
        Button remove = new Button("×", e -> refused(() -> {
            projects.deleteSample(owner, id);
            refresh();
        }));
        remove.addClassName("tb-thumb-delete");
        remove.setAriaLabel(getTranslation(text("class.delete-image", "test-pictures.delete-image")));
        Div thumb = new Div(image, remove);
        thumb.addClassName("tb-thumb");
        return thumb;
    }

    private String text(String trainingKey, String testKey) {
        return shelf.isTest() ? testKey : trainingKey;
    }

    /** Runs a learner's request; a refusal (the class or picture is gone, say) becomes one message. */
    private void refused(Runnable request) {
        try {
            request.run();
        } catch (ProjectRuleException e) {
            Messages.error(this, e);
        }
    }
}
