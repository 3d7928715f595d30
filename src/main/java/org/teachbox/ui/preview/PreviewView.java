package org.teachbox.ui.preview;

import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;

import org.teachbox.export.ModelExports;
import org.teachbox.imaging.ImageRejectedException;
import org.teachbox.prediction.ExplanationQueue;
import org.teachbox.prediction.PredictionService;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.share.ShareService;
import org.teachbox.training.ModelStore;
import org.teachbox.ui.HeatmapImage;
import org.teachbox.ui.Messages;
import org.teachbox.ui.UploadTexts;
import org.teachbox.ui.components.DrawPad;
import org.teachbox.ui.components.BrowserModelEvents;
import org.teachbox.ui.components.WebcamCapture;
import org.teachbox.ui.layout.MainLayout;
import org.teachbox.ui.layout.ProjectPage;
import org.teachbox.ui.share.DownloadModelLink;
import org.teachbox.ui.share.SharePanel;

/**
 * Step 3, Preview: show the model something new (webcam, a file, a drawing) and see its answer.
 * A test picture opened from Under the hood ({@code ?picture=<id>}) is shown with whether the
 * model got it right.
 */
@Route(value = "project/:projectId/preview", layout = MainLayout.class)
@AnonymousAllowed
public class PreviewView extends ProjectPage {


    private final PredictionService predictions;
    private final ExplanationQueue explanations;
    private final ModelStore models;
    private final Div look = new Div();
    private final Paragraph none = new Paragraph();
    private final Paragraph stale = new Paragraph();
    private final ConfidenceBars bars = new ConfidenceBars();
    private final WebcamCapture webcam = new WebcamCapture();
    private final Div drawPanel;
    private final VerticalLayout modelParts;
    private final java.util.concurrent.atomic.AtomicBoolean answering = new java.util.concurrent.atomic.AtomicBoolean();
    /** Counts pictures given to explain; a live frame's answer from before the latest one is stale. */
    private final java.util.concurrent.atomic.AtomicLong explainedPictures = new java.util.concurrent.atomic.AtomicLong();
    private final SharePanel sharePanel;
    private final FirstLayerPanel inside = new FirstLayerPanel();
    private final BrowserRun browserRun = new BrowserRun();
    private final TestPictureVerdict verdict = new TestPictureVerdict();
    /** A stored picture to show on entry (?picture=id), as Under the hood's test pictures link here. */
    private UUID askedPicture;

    public PreviewView(ProjectService projects, PredictionService predictions, ModelStore models, ModelExports exports,
            ShareService shares, ExplanationQueue explanations) {
        super(projects);
        this.predictions = predictions;
        this.explanations = explanations;
        this.models = models;
        none.setText(getTranslation("preview.no-model"));
        none.setId("preview-no-model");
        stale.setText(getTranslation("train.out-of-date"));
        stale.addClassName("tb-warning");
        drawPanel = drawPad();
        Div sources = new Div(webcam(), upload(), drawPanel);
        sources.addClassName("tb-preview-sources");
        look.setId("preview-saliency");
        Div result = new Div(new H3(getTranslation("preview.result")), verdict, bars, look);
        result.addClassName("tb-panel");
        Div layout = new Div(sources, result);
        layout.addClassName("tb-preview");
        sharePanel = new SharePanel(shares, owner,
                new DownloadModelLink(exports, projects, owner, () -> project == null ? null : project.id()));
        modelParts = new VerticalLayout(stale, new Paragraph(getTranslation("preview.hint")), layout, inside,
                sharePanel);
        modelParts.setPadding(false);
        addContent(none, modelParts);
    }

    @Override
    protected void load(Project project) {
        Optional<ModelStore.StoredModel> model = models.load(owner, project.id());
        none.setVisible(model.isEmpty());
        modelParts.setVisible(model.isPresent());
        look.removeAll();
        inside.clear();
        if (model.isEmpty()) {
            webcam.stop();
            webcam.setModelUrl(null);
            return;
        }
        browserRun.reset();
        webcam.setModelUrl("/own-model/" + project.id() + "/");
        stale.setVisible(models.isOutOfDate(owner, project.id()));
        bars.setClassNames(model.get().classNames());
        drawPanel.setVisible(project.modelKind() == ModelKind.DIGITS);
        sharePanel.load(project);
        verdict.clear();
        if (askedPicture != null) {
            showStoredPicture(model.get(), askedPicture);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        askedPicture = event.getLocation().getQueryParameters().getSingleParameter("picture")
                .flatMap(PreviewView::uuid).orElse(null);
        super.beforeEnter(event);
    }

    /** A test picture opened from Under the hood: its answer, where the model looked, and whether that was right. */
    private void showStoredPicture(ModelStore.StoredModel model, UUID sampleId) {
        try {
            byte[] image = projects.sample(owner, sampleId).image();
            verdict.show(model.report(), sampleId);
            predict("test-picture.jpg", image, true);
        } catch (ProjectRuleException e) {
            Messages.error(this, e);
        }
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Div webcam() {
        webcam.setMode(WebcamCapture.Mode.PREDICT);
        webcam.setTexts(getTranslation("webcam.hold"), getTranslation("webcam.recording"),
                getTranslation("webcam.camera"), getTranslation("webcam.none"), getTranslation("webcam.start"));
        webcam.addFrameCapturedListener(e -> predict("webcam.jpg", e.getJpeg(), false));
        webcam.addBrowserListener(BrowserModelEvents.Ready.class, e -> browserRun.ready());
        webcam.addBrowserListener(BrowserModelEvents.Answer.class, e -> {
            bars.show(new PredictionService.Prediction(bars.classNames(), e.probabilities()));
            browserRun.answered(e.framesPerSecond());
        });
        webcam.addBrowserListener(BrowserModelEvents.Check.class, e -> checkOnServer(e.jpeg(), e.probabilities()));
        webcam.addBrowserListener(BrowserModelEvents.Failed.class, e -> {
            org.slf4j.LoggerFactory.getLogger(PreviewView.class).info("The model cannot run in a learner's browser: {}", e.reason());
            browserRun.failed();
        });
        Div panel = panel("preview.webcam", webcam);
        panel.add(browserRun);
        return panel;
    }

    private Div upload() {
        Upload upload = new Upload(event -> {
            UI ui = event.getUI();
            String name = event.getFileName();
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes(predictions.maxPictureBytes() + 1);
            }
            if (bytes.length > predictions.maxPictureBytes()) {
                ui.access(() -> Messages.error(getTranslation("upload.error.too-large", name, predictions.maxPictureSize())));
                return;
            }
            // already outside the session lock: answer here, then show it inside ui.access
            long generation = explainedPictures.incrementAndGet();
            ui.access(() -> {
                webcam.stop();
                verdict.clear();
            });
            UUID projectId = project.id();
            Answer answer = answer(projectId, name, bytes, true, generation);
            ui.access(() -> {
                webcam.stop();
                show(projectId, answer);
            });
            explainLater(ui, projectId, name, bytes, answer);
        });
        upload.setMaxFiles(1);
        upload.setI18n(UploadTexts.of(this));
        upload.setId("preview-upload");
        upload.addAllFinishedListener(e -> upload.clearFileList());
        return panel("preview.file", upload);
    }

    private Div drawPad() {
        DrawPad pad = new DrawPad();
        pad.setTexts(getTranslation("draw.clear"));
        pad.addDrawingListener(e -> {
            verdict.clear();
            predict("drawing.png", e.getPng(), true);
        });
        return panel("preview.draw", pad);
    }

    private Div panel(String title, com.vaadin.flow.component.Component content) {
        Div panel = new Div(new H3(getTranslation(title)), content);
        panel.addClassName("tb-panel");
        return panel;
    }

    /**
     * Live frames only update the bars; a drawing also shows where the model looked. Called with
     * the session lock held, so the work (decoding, the network, 49 occlusion passes) runs on
     * its own thread and only the answer is applied inside {@code ui.access}: other learners'
     * pages and this page's own clicks are not held up. A live frame that arrives while the last
     * one is still being answered is dropped, so a slow server shows fewer frames, not later ones.
     */
    private void predict(String fileName, byte[] bytes, boolean explain) {
        UI ui = UI.getCurrent();
        if (ui == null || !explain && !answering.compareAndSet(false, true)) {
            return;
        }
        long generation = explain ? explainedPictures.incrementAndGet() : explainedPictures.get();
        if (explain) {
            // The picture just given is what the answer is about now: stop the live frames,
            // which would replace its answer and heat map a moment later.
            webcam.stop();
        }
        UUID projectId = project.id();
        Thread.ofVirtual().name("preview-answer").start(() -> {
            try {
                Answer answer = answer(projectId, fileName, bytes, explain, generation);
                ui.access(() -> show(projectId, answer));
                explainLater(ui, projectId, fileName, bytes, answer);
            } finally {
                if (!explain) {
                    answering.set(false);
                }
            }
        });
    }

    /**
     * The browser answered this frame itself; the server answers it too, off the session lock,
     * and the page counts how often the two name the same class.
     */
    private void checkOnServer(byte[] jpeg, float[] browser) {
        UI ui = UI.getCurrent();
        UUID projectId = project.id();
        Thread.ofVirtual().name("preview-check").start(() -> {
            try {
                predictions.predictAsSent(owner, projectId, "check.jpg", jpeg).ifPresent(server -> {
                    double gap = 0;
                    for (int i = 0; i < Math.min(browser.length, server.probabilities().length); i++) {
                        gap = Math.max(gap, Math.abs(browser[i] - server.probabilities()[i]));
                    }
                    double largest = gap;
                    float[] p = server.probabilities();
                    int browserBest = best(browser);
                    double margin = browserBest < p.length ? p[server.best()] - p[browserBest] : 1;
                    ui.access(() -> browserRun.checked(browserBest, server.best(), largest, margin));
                });
            } catch (ImageRejectedException | RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(PreviewView.class).debug("A browser check could not be answered", e);
            }
        });
    }

    private static int best(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The model's answer and, if asked, the small CNN's first layer; computed without the session
     * lock. Where the model looked costs far more and follows on its own ({@link #explainLater}).
     */
    private Answer answer(UUID projectId, String fileName, byte[] bytes, boolean explain, long generation) {
        try {
            Optional<PredictionService.Prediction> prediction = predictions.predict(owner, projectId, fileName, bytes);
            // the small CNN's filters and their feature maps of this picture (empty for other kinds)
            Optional<FirstLayerPanel.Pictures> inside = explain
                    ? predictions.firstLayerOfUpload(owner, projectId, fileName, bytes).map(FirstLayerPanel.Pictures::of)
                    : Optional.empty();
            return new Answer(prediction, inside, explain, generation, null);
        } catch (ImageRejectedException | RuntimeException e) {
            return new Answer(Optional.empty(), Optional.empty(), explain, generation, e);
        }
    }

    /**
     * Where the model looked, once one of the server's few heat-map threads is free (see
     * {@link ExplanationQueue}); skipped if the learner has given another picture by then.
     */
    private void explainLater(UI ui, UUID projectId, String fileName, byte[] bytes, Answer answer) {
        if (!answer.explained() || answer.problem() != null || answer.prediction().isEmpty()) {
            return;
        }
        java.util.function.BooleanSupplier wanted = () -> answer.generation() == explainedPictures.get();
        explanations.submit(owner, wanted, () -> {
            try {
                return predictions.saliencyOfUpload(owner, projectId, fileName, bytes);
            } catch (ImageRejectedException e) {
                return Optional.<PredictionService.Heatmap>empty(); // already explained with the answer
            }
        }).whenComplete((heat, error) -> {
            try {
                ui.access(() -> {
                    if (!wanted.getAsBoolean() || project == null || !project.id().equals(projectId)) {
                        return;
                    }
                    if (error != null) {
                        if (!(error instanceof java.util.concurrent.RejectedExecutionException)) {
                            org.slf4j.LoggerFactory.getLogger(PreviewView.class).warn("A heat map failed", error);
                        }
                        lookSays(error instanceof java.util.concurrent.RejectedExecutionException
                                ? "preview.saliency.busy" : "preview.saliency.failed");
                    } else {
                        heat.ifPresentOrElse(this::showHeatmap, look::removeAll);
                    }
                });
            } catch (com.vaadin.flow.component.UIDetachedException closed) {
                // the page was closed meanwhile: nobody to show it to
            }
        });
    }

    private void lookSays(String key) {
        look.removeAll();
        Paragraph note = new Paragraph(getTranslation(key));
        note.addClassName("tb-hint");
        note.setId("preview-saliency-" + key.substring(key.lastIndexOf('.') + 1)); // -working, -busy, -failed
        look.add(new H3(getTranslation("preview.saliency.title")), note);
    }

    private void show(UUID projectId, Answer answer) {
        if (project == null || !project.id().equals(projectId)) {
            return; // the learner has opened another project since
        }
        if (answer.generation() != explainedPictures.get()) {
            return; // a picture given since has the last word: a live frame still on its way must not replace it
        }
        if (answer.problem() instanceof org.teachbox.UserMessage message) {
            Messages.error(this, message);
            return;
        }
        if (answer.problem() != null) {
            org.slf4j.LoggerFactory.getLogger(PreviewView.class).warn("A preview answer failed", answer.problem());
            Messages.error(getTranslation("error.unexpected"));
            return;
        }
        answer.prediction().ifPresent(bars::show);
        if (answer.explained()) {
            if (answer.prediction().isPresent()) {
                lookSays("preview.saliency.working");
            }
            answer.inside().ifPresentOrElse(inside::show, inside::clear);
        } else {
            look.removeAll();
            inside.clear();
        }
    }

    private record Answer(Optional<PredictionService.Prediction> prediction,
                          Optional<FirstLayerPanel.Pictures> inside, boolean explained, long generation,
                          Exception problem) {
    }

    private void showHeatmap(PredictionService.Heatmap heat) {
        look.removeAll();
        HeatmapImage picture = new HeatmapImage(heat, project.modelKind().channels());
        Paragraph hint = new Paragraph(getTranslation("preview.saliency"));
        hint.addClassName("tb-hint");
        look.add(new H3(getTranslation("preview.saliency.title")), hint, picture);
    }
}
