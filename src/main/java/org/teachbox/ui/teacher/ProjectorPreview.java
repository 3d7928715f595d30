package org.teachbox.ui.teacher;

import java.io.InputStream;
import java.util.UUID;
import java.util.function.Supplier;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;

import org.teachbox.prediction.ExplanationQueue;
import org.teachbox.prediction.PredictionService;
import org.teachbox.prediction.PreviewAnswers;
import org.teachbox.ui.Messages;
import org.teachbox.ui.UploadTexts;
import org.teachbox.ui.layout.PageAccess;
import org.teachbox.ui.preview.ConfidenceBars;

/**
 * "Try a picture" on the projector: the teacher drops a picture and the class sees how sure the
 * learner's model is of each class. Nothing is stored; {@link PreviewAnswers} answers the picture
 * off the session lock, as on the learner's Preview, and only the bars are updated here.
 */
class ProjectorPreview extends Div {

    private final ConfidenceBars bars = new ConfidenceBars();
    private final PreviewAnswers answers;
    private final PageAccess page = new PageAccess(this);

    /** Whose model answers: the learner's owner token and the project. */
    record Target(String owner, UUID projectId) {
    }

    ProjectorPreview(PredictionService predictions, ExplanationQueue explanations, Supplier<Target> target) {
        this.answers = new PreviewAnswers(predictions, explanations, answer -> page.access(() -> show(answer)));
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
            Target t = target.get();
            answers.ask(t.owner(), t.projectId(), name, bytes);
        });
        // No file limit: with one, a picture dropped before the last one's list entry was cleared
        // was refused by the browser without a word. Each picture is answered; the latest shows.
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

    private void show(PreviewAnswers.Answer answer) {
        if (!answers.isLatest(answer.generation())) {
            return; // a picture dropped since has the last word
        }
        if (answer.problem() != null) {
            throw new PageAccess.Failed(answer.problem()); // LearnerErrors says why
        }
        answer.prediction().ifPresent(bars::show);
    }
}
