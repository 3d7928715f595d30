package org.teachbox.ui.teacher;

import java.io.InputStream;
import java.util.UUID;
import java.util.function.Supplier;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teachbox.UserMessage;
import org.teachbox.imaging.ImageRejectedException;
import org.teachbox.prediction.PredictionService;
import org.teachbox.ui.Messages;
import org.teachbox.ui.UploadTexts;
import org.teachbox.ui.preview.ConfidenceBars;

/**
 * "Try a picture" on the projector: the teacher drops a picture and the class sees how sure the
 * learner's model is of each class. Nothing is stored; the picture is answered off the session
 * lock and only the bars are updated inside {@code ui.access}.
 */
class ProjectorPreview extends Div {

    private static final Logger log = LoggerFactory.getLogger(ProjectorPreview.class);

    private final ConfidenceBars bars = new ConfidenceBars();
    private final PredictionService predictions;
    private final Supplier<Target> target;

    /** Whose model answers: the learner's owner token and the project. */
    record Target(String owner, UUID projectId) {
    }

    ProjectorPreview(PredictionService predictions, Supplier<Target> target) {
        this.predictions = predictions;
        this.target = target;
        addClassName("tb-panel");
        setId("projector-preview");
        Upload upload = new Upload(event -> {
            UI ui = event.getUI();
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes(predictions.maxPictureBytes() + 1);
            }
            String name = event.getFileName();
            if (bytes.length > predictions.maxPictureBytes()) {
                ui.access(() -> Messages.error(getTranslation("upload.error.too-large", name, predictions.maxPictureSize())));
                return;
            }
            answer(ui, target.get(), name, bytes);
        });
        upload.setMaxFiles(1);
        upload.setI18n(UploadTexts.of(this));
        upload.setId("projector-upload");
        upload.addAllFinishedListener(e -> upload.clearFileList());
        Paragraph hint = new Paragraph(getTranslation("teacher.project.try.hint"));
        hint.addClassName("tb-hint");
        add(new H3(getTranslation("teacher.project.try")), hint, upload, bars);
    }

    void setClassNames(java.util.List<String> classNames) {
        bars.setClassNames(classNames);
    }

    private void answer(UI ui, Target t, String name, byte[] bytes) {
        try {
            predictions.predict(t.owner(), t.projectId(), name, bytes).ifPresent(p -> ui.access(() -> bars.show(p)));
        } catch (ImageRejectedException refused) {
            ui.access(() -> Messages.error(this, refused));
        } catch (RuntimeException e) {
            if (e instanceof UserMessage message) {
                ui.access(() -> Messages.error(this, message));
            } else {
                log.warn("A projector preview failed", e);
                ui.access(() -> Messages.error(getTranslation("error.unexpected")));
            }
        }
    }
}
