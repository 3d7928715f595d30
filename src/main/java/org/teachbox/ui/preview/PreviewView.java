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
import org.teachbox.prediction.ExplanationQueue;
import org.teachbox.prediction.PredictionService;
import org.teachbox.prediction.PreviewAnswers;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectService;
import org.teachbox.share.ShareService;
import org.teachbox.training.ModelStore;
import org.teachbox.ui.HeatmapImage;
import org.teachbox.ui.HeatmapLegend;
import org.teachbox.ui.Messages;
import org.teachbox.ui.UploadTexts;
import org.teachbox.ui.components.DrawPad;
import org.teachbox.ui.components.BrowserModelEvents;
import org.teachbox.ui.components.WebcamCapture;
import org.teachbox.ui.layout.MainLayout;
import org.teachbox.ui.layout.PageAccess;
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
    private final PreviewAnswers answers;
    private final ModelStore models;
    private final Div look = new Div();
    private final Paragraph none = new Paragraph();
    private final Paragraph stale = new Paragraph();
    private final ConfidenceBars bars = new ConfidenceBars();
    private final WebcamCapture webcam = new WebcamCapture();
    private final Div drawPanel;
    private final VerticalLayout modelParts;
    private final PageAccess page = new PageAccess(this);
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
        this.answers = new PreviewAnswers(predictions, explanations, new Shown());
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
        byte[] image = projects.sample(owner, sampleId).image();
        verdict.show(model.report(), sampleId);
        explain("test-picture.jpg", image);
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
        webcam.addFrameCapturedListener(e -> answers.frame(owner, project.id(), "webcam.jpg", e.getJpeg()));
        webcam.addBrowserListener(BrowserModelEvents.Ready.class, e -> browserRun.ready());
        webcam.addBrowserListener(BrowserModelEvents.Answer.class, e -> {
            bars.show(new PredictionService.Prediction(bars.classNames(), e.probabilities()));
            browserRun.answered(e.framesPerSecond());
        });
        webcam.addBrowserListener(BrowserModelEvents.Check.class,
                e -> answers.check(owner, project.id(), e.jpeg(), e.probabilities()));
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
            UUID projectId = project.id();
            ui.access(() -> {
                webcam.stop();
                verdict.clear();
            });
            answers.picture(owner, projectId, name, bytes);
        });
        // No file limit: with one, a picture dropped before the last one's list entry was cleared
        // was refused by the browser without a word. Each picture is answered; the latest shows.
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
            explain("drawing.png", e.getPng());
        });
        return panel("preview.draw", pad);
    }

    private Div panel(String title, com.vaadin.flow.component.Component content) {
        Div panel = new Div(new H3(getTranslation(title)), content);
        panel.addClassName("tb-panel");
        return panel;
    }

    /**
     * A picture given here is what the answer is about now: the live frames stop, since they
     * would replace its answer and heat map a moment later.
     */
    private void explain(String fileName, byte[] bytes) {
        webcam.stop();
        answers.picture(owner, project.id(), fileName, bytes);
    }

    /** Shows what {@link PreviewAnswers} tells, inside the page's lock; stale answers are dropped. */
    private final class Shown implements PreviewAnswers.Listener {
        @Override
        public void answered(PreviewAnswers.Answer answer) {
            // the pictures are encoded here, on the worker thread, not under the page's lock
            Optional<FirstLayerPanel.Pictures> pictures = answer.inside().map(FirstLayerPanel.Pictures::of);
            page.access(() -> show(answer, pictures));
        }

        @Override
        public void explained(PreviewAnswers.Explanation explanation) {
            page.access(() -> {
                if (!answers.isLatest(explanation.generation()) || !showing(explanation.projectId())) {
                    return;
                }
                switch (explanation.outcome()) {
                    case BUSY -> lookSays("preview.saliency.busy");
                    case FAILED -> lookSays("preview.saliency.failed");
                    case SHOWN -> explanation.heatmap().ifPresentOrElse(PreviewView.this::showHeatmap, look::removeAll);
                }
            });
        }

        @Override
        public void checked(PreviewAnswers.Check check) {
            page.access(() -> browserRun.checked(check.browserBest(), check.serverBest(), check.largestGap(),
                    check.margin()));
        }
    }

    private boolean showing(UUID projectId) {
        return project != null && project.id().equals(projectId);
    }

    private void lookSays(String key) {
        look.removeAll();
        Paragraph note = new Paragraph(getTranslation(key));
        note.addClassName("tb-hint");
        note.setId("preview-saliency-" + key.substring(key.lastIndexOf('.') + 1)); // -working, -busy, -failed
        look.add(new H3(getTranslation("preview.saliency.title")), note);
    }

    private void show(PreviewAnswers.Answer answer, Optional<FirstLayerPanel.Pictures> pictures) {
        if (!showing(answer.projectId()) || !answers.isLatest(answer.generation())) {
            return; // another project, or a picture given since has the last word
        }
        if (answer.problem() != null) {
            throw new PageAccess.Failed(answer.problem()); // LearnerErrors says why, in the learner's language
        }
        answer.prediction().ifPresent(bars::show);
        if (answer.explained()) {
            if (answer.prediction().isPresent()) {
                lookSays("preview.saliency.working");
            }
            pictures.ifPresentOrElse(inside::show, inside::clear);
        } else {
            look.removeAll();
            inside.clear();
        }
    }

    private void showHeatmap(PredictionService.Heatmap heat) {
        look.removeAll();
        HeatmapImage picture = new HeatmapImage(heat, project.modelKind().channels());
        Paragraph hint = new Paragraph(getTranslation("preview.saliency"));
        hint.addClassName("tb-hint");
        look.add(new H3(getTranslation("preview.saliency.title")), hint, picture, new HeatmapLegend());
    }
}
