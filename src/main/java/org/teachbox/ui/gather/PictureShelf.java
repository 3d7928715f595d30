package org.teachbox.ui.gather;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;

import org.teachbox.project.ImageClass;
import org.teachbox.project.ModelKind;
import org.teachbox.project.ProjectService;
import org.teachbox.project.Shelf;
import org.teachbox.ui.layout.PageAccess;
import org.teachbox.ui.components.DrawPad;
import org.teachbox.ui.components.PictureUploader;
import org.teachbox.ui.components.WebcamCapture;
import org.teachbox.upload.Outcome;
import org.teachbox.upload.Batches;
import org.teachbox.upload.CaptureQueue;
import org.teachbox.upload.UploadFeed;

/**
 * One shelf of a class card: the ways to add pictures (upload, webcam, drawing), what became of
 * each, and thumbnails. A card has one for its training pictures and one, folded away, for its
 * test pictures; both take the same path through {@link SampleIntake}, so a test picture is
 * checked, oriented and cropped exactly like a training one. The count goes to whoever shows it.
 */
class PictureShelf extends Div {

    static final int THUMBNAILS = 48;
    /** How long answers gather before the page shows them: a few pushes a second, not one a file. */
    static final long BATCH_MILLIS = 150;

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
    private final String feedKey = UploadFeed.newKey();
    private final PageAccess page = new PageAccess(this);
    private final Batches<UploadFeed.Arrived> arrivals =
            new Batches<>(Duration.ofMillis(BATCH_MILLIS), files -> page.access(() -> showArrived(files)));
    private CaptureQueue captures = new CaptureQueue();

    PictureShelf(ProjectService projects, SampleIntake intake, String owner, ImageClass imageClass, Shelf shelf,
                 ModelKind kind, long maxUploadBytes, IntConsumer counted) {
        this.projects = projects;
        this.intake = intake;
        this.owner = owner;
        this.imageClass = imageClass;
        this.shelf = shelf;
        this.counted = counted;
        addClassName("tb-shelf");
        addAttachListener(e -> intake.listen(feedKey, arrivals::add));
        addDetachListener(e -> {
            intake.stopListening(feedKey);
            captures.close();
            captures = new CaptureQueue();
        });
        thumbnails.addClassName("tb-thumbs");
        capture.addClassName("tb-capture");
        more.addClassName("tb-muted");
        add(sources(kind, maxUploadBytes), capture, report, thumbnails, more);
    }

    private Component sources(ModelKind kind, long maxUploadBytes) {
        PictureUploader upload = new PictureUploader();
        upload.addClassName("tb-upload");
        upload.setTexts(getTranslation("upload.add"), getTranslation("upload.drop"), getTranslation("upload.sending", "{0}", "{1}"));
        // Too big is known before a byte is sent: the browser keeps it, and it is named below.
        upload.setLimits(maxUploadBytes, projects.limits().maxImagesPerClass());
        upload.setDropTarget(shelf.isTest() ? ".tb-test-body" : ".tb-class-card");
        addAttachListener(e -> upload.setEndpoint(target()));
        upload.addNotSentListener(e -> {
            List<UUID> none = new ArrayList<>();
            e.getFiles().forEach(f -> showFile(f.name(), f.size(), notSent(f), none));
        });
        upload.addAllSentListener(e -> {
            // every answer came before the browser's last "done": show them in this batch
            showArrived(arrivals.drain());
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
     * Files go straight to {@code POST /upload/{classId}} (see upload/UploadController), not
     * through the page: a Vaadin upload handler would decode and store each photo behind this
     * session's lock. The endpoint tells this shelf what became of each file through the feed,
     * under a key only this shelf knows; the shelf shows them a batch at a time.
     */
    private String target() {
        return "upload/" + imageClass.id() + "?shelf=" + (shelf.isTest() ? "test" : "training")
                + "&to=" + feedKey + "&lang=" + getLocale().toLanguageTag();
    }

    /** A file that never reached the endpoint, in the same words the server uses where it has them. */
    private SampleIntake.Result notSent(PictureUploader.NotSent file) {
        return switch (file.reason()) {
            case TOO_BIG -> intake.tooLarge(file.name());
            case TOO_MANY -> SampleIntake.Result.refused(text("upload.error.too-many-files", "test-pictures.too-many-files"),
                    file.name(), projects.limits().maxImagesPerClass());
            case NETWORK -> SampleIntake.Result.refused("upload.error.not-sent", file.name());
            case SERVER -> SampleIntake.Result.refused("upload.server-error");
        };
    }

    /** Inside the page's lock: everything that arrived since the last batch, in one go. */
    private void showArrived(List<UploadFeed.Arrived> files) {
        List<UUID> stored = new ArrayList<>();
        for (UploadFeed.Arrived file : files) {
            Outcome o = file.outcome();
            showFile(file.fileName(), file.size(), new SampleIntake.Result(o.sampleId(), o.messageKey(), o.args()), stored);
        }
        showStored(stored);
    }

    private void showWebcam() {
        capture.removeAll();
        WebcamCapture webcam = new WebcamCapture();
        webcam.setMode(WebcamCapture.Mode.RECORD);
        webcam.setTexts(getTranslation("webcam.hold"), getTranslation("webcam.recording"),
                getTranslation("webcam.camera"), getTranslation("webcam.none"), getTranslation("webcam.start"));
        webcam.addFrameCapturedListener(e -> capture(UploadReport.Source.CAMERA, "webcam.jpg", e.getJpeg()));
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
            capture(UploadReport.Source.DRAWING, "drawing.png", e.getPng());
            pad.clear();
        });
        Button close = new Button(getTranslation("common.close"), e -> capture.removeAll());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        capture.add(pad, close);
    }

    /**
     * A webcam frame or drawing: stored on the capture queue's thread, then shown inside
     * {@code ui.access}, so the count on the card is always the stored count.
     */
    private void capture(UploadReport.Source source, String fileName, byte[] bytes) {
        // a page closed meanwhile has its picture stored, shown on the next visit
        boolean queued = captures.offer(() -> {
            SampleIntake.Result result = intake.acceptCaptured(imageClass.id(), shelf, fileName, bytes);
            page.access(() -> showCaptured(source, result));
        });
        if (!queued) {
            showCaptured(source, SampleIntake.Result.refused("capture.too-fast"));
        }
    }

    /** An uploaded file, known in its batch by name and size, so a file reported twice counts once. */
    private void showFile(String fileName, long size, SampleIntake.Result result, List<UUID> stored) {
        String file = fileName + "\u0000" + size;
        if (result.stored()) {
            report.added(UploadReport.Source.FILES, file);
            stored.add(result.sampleId());
        } else {
            Outcome outcome = new Outcome(null, result.messageKey(), result.args());
            report.refused(UploadReport.Source.FILES, file, outcome.sentence(fileName, this::getTranslation));
        }
    }

    /** A webcam frame or drawing: each stored one counts; a refusal is said once per reason. */
    private void showCaptured(UploadReport.Source source, SampleIntake.Result result) {
        if (result.stored()) {
            report.added(source, "frame " + captured++);
            showStored(List.of(result.sampleId()));
        } else {
            String sentence = getTranslation(result.messageKey(), result.args());
            report.refused(source, sentence, sentence);
        }
    }

    /**
     * Shows newly stored pictures. They are added as thumbnails rather than redrawing the shelf:
     * the webcam delivers two dozen a second and each must cost the page almost nothing, and a
     * batch of uploads only ever adds the newest few.
     */
    private void showStored(List<UUID> sampleIds) {
        if (sampleIds.isEmpty()) {
            return;
        }
        if (total == 0) {
            thumbnails.removeAll();
        }
        total += sampleIds.size();
        counted.accept(total);
        for (UUID id : sampleIds.subList(Math.max(0, sampleIds.size() - THUMBNAILS), sampleIds.size())) {
            thumbnails.addComponentAsFirst(thumbnail(id));
        }
        while (thumbnails.getComponentCount() > THUMBNAILS) {
            thumbnails.remove(thumbnails.getComponentAt(THUMBNAILS));
        }
        more.setText(getTranslation("class.more", total - thumbnails.getComponentCount()));
        more.setVisible(total > thumbnails.getComponentCount());
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
        projects.clearClass(owner, imageClass.id(), shelf);
        refresh();
    }

    private Div thumbnail(UUID id) {
        Image image = new Image("samples/" + id, getTranslation(text("class.thumbnail", "test-pictures.thumbnail")));
        image.addClassName("tb-thumb-img");
        Button remove = new Button("×", e -> {
            projects.deleteSample(owner, id);
            refresh();
        });
        remove.addClassName("tb-thumb-delete");
        remove.setAriaLabel(getTranslation(text("class.delete-image", "test-pictures.delete-image")));
        Div thumb = new Div(image, remove);
        thumb.addClassName("tb-thumb");
        return thumb;
    }

    private String text(String trainingKey, String testKey) {
        return shelf.isTest() ? testKey : trainingKey;
    }
}
