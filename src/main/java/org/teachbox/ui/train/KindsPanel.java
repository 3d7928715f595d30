package org.teachbox.ui.train;

import java.text.NumberFormat;
import java.util.Map;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;

import org.teachbox.kinds.KindComparison;
import org.teachbox.project.ModelKind;
import org.teachbox.training.Purpose;
import org.teachbox.training.TrainingEvent;

/**
 * "Pretrained or from scratch?": the project's photos trained on both kinds with a click, the
 * results side by side (accuracy, numbers that learned, pictures, time), optionally with only 10
 * or 50 photos per class, so a learner sees why a network trained in advance needs few photos.
 * Shown on the Train page of photo projects.
 */
class KindsPanel extends Div {

    private final KindComparison kinds;
    private final String owner;
    private final Select<Integer> perClass = new Select<>();
    private final Button start = new Button();
    private final Paragraph status = new Paragraph();
    private final Div columns = new Div();
    private final Paragraph verdict = new Paragraph();
    private UUID projectId;

    KindsPanel(KindComparison kinds, String owner) {
        this.kinds = kinds;
        this.owner = owner;
        setId("kinds-panel");
        addClassName("tb-panel");
        Paragraph hint = new Paragraph(getTranslation("kinds.hint"));
        hint.addClassName("tb-hint");
        perClass.setLabel(getTranslation("kinds.per-class"));
        perClass.setId("kinds-per-class");
        perClass.setItems(KindComparison.PER_CLASS);
        perClass.setItemLabelGenerator(n -> n == 0 ? getTranslation("kinds.per-class.all")
                : getTranslation("kinds.per-class.n", n));
        perClass.setValue(0);
        start.setText(getTranslation("kinds.button"));
        start.setId("kinds-button");
        start.addClickListener(e -> {
            kinds.start(owner, projectId, perClass.getValue() == null ? 0 : perClass.getValue());
            status.setText(getTranslation("kinds.waiting"));
            columns.removeAll();
            verdict.setText("");
        });
        status.setId("kinds-status");
        status.addClassName("tb-muted");
        status.getElement().setAttribute("aria-live", "polite");
        columns.setId("kinds-comparison");
        columns.addClassName("tb-runs");
        verdict.setId("kinds-verdict");
        verdict.addClassName("tb-verdict");
        Div form = new Div(perClass, start);
        form.addClassName("tb-form");
        add(new H3(getTranslation("kinds.title")), hint, form, status, columns, verdict);
    }

    void load(UUID projectId, ModelKind kind) {
        this.projectId = projectId;
        setVisible(kind == ModelKind.PRETRAINED);
        status.setText("");
        refresh();
    }

    /** What the two comparison jobs say, as the Train page hears it. */
    void handle(TrainingEvent event) {
        String side = getTranslation(event.purpose() == Purpose.KINDS_PRETRAINED ? "kinds.pretrained" : "kinds.scratch");
        switch (event) {
            case TrainingEvent.Epoch e -> status.setText(getTranslation("kinds.training", side,
                    e.result().epoch(), e.result().epochs()));
            case TrainingEvent.Finished f -> {
                status.setText("");
                refresh();
            }
            case TrainingEvent.Failed f -> status.setText(getTranslation("kinds.failed", side));
            default -> {
            }
        }
    }

    private void refresh() {
        Map<Purpose, KindComparison.Side> sides = kinds.result(owner, projectId);
        columns.removeAll();
        verdict.setText("");
        KindComparison.Side pretrained = sides.get(Purpose.KINDS_PRETRAINED);
        KindComparison.Side scratch = sides.get(Purpose.KINDS_SCRATCH);
        if (pretrained != null) {
            columns.add(column("kinds-pretrained", "kinds.pretrained", pretrained));
        }
        if (scratch != null) {
            columns.add(column("kinds-scratch", "kinds.scratch", scratch));
        }
        if (pretrained != null && scratch != null) {
            String text = getTranslation("kinds.verdict", pct(pretrained), pct(scratch),
                    number(pretrained.parametersTrained()), number(scratch.parametersTrained()));
            // the reason is only the story when the numbers tell it
            String gap = "zh".equals(getLocale().getLanguage()) ? "" : " "; // Chinese puts no space after 。
            verdict.setText(pct(pretrained) > pct(scratch) ? text + gap + getTranslation("kinds.verdict.why") : text);
        }
    }

    private Div column(String id, String titleKey, KindComparison.Side side) {
        Div column = new Div(new H4(getTranslation(titleKey)),
                new Paragraph(getTranslation("kinds.accuracy", pct(side))),
                new Paragraph(getTranslation("kinds.parameters", number(side.parametersTrained()))),
                new Paragraph(getTranslation("kinds.pictures", number(side.trainPictures()))),
                new Paragraph(getTranslation("kinds.time", String.format(getLocale(), "%.1f", side.durationMillis() / 1000.0))));
        column.setId(id);
        column.addClassName("tb-run");
        return column;
    }

    private static long pct(KindComparison.Side side) {
        return Math.round(100 * side.validationAccuracy());
    }

    private String number(long n) {
        return NumberFormat.getIntegerInstance(getLocale()).format(n);
    }
}
