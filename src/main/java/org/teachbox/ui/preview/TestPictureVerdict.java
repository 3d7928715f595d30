package org.teachbox.ui.preview;

import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.html.Paragraph;

import org.teachbox.training.TrainingReport;

/**
 * One sentence over Preview's answer when the picture shown is a test picture opened from Under
 * the hood: whether the model got it right. It reads the judgement stored with the model, so it
 * says what Under the hood counted, not a second opinion.
 */
class TestPictureVerdict extends Paragraph {

    TestPictureVerdict() {
        setId("test-verdict");
        addClassName("tb-test-verdict");
        setVisible(false);
    }

    /** Says right or wrong if the model's report judged this picture; otherwise stays hidden. */
    void show(TrainingReport report, UUID sampleId) {
        Optional<TrainingReport.ValidationItem> judged = report.test() == null ? Optional.empty()
                : report.test().pictures().stream().filter(p -> p.sampleId().equals(sampleId)).findFirst();
        setVisible(judged.isPresent());
        judged.ifPresent(item -> {
            String actual = report.classNames().get(item.actual());
            boolean right = item.actual() == item.predicted();
            setText(right ? getTranslation("test-pictures.preview.right", actual)
                    : getTranslation("test-pictures.preview.wrong", actual, report.classNames().get(item.predicted())));
            getElement().setAttribute("data-right", String.valueOf(right));
        });
    }

    void clear() {
        setVisible(false);
    }
}
