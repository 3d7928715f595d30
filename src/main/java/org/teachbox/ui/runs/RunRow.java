package org.teachbox.ui.runs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

import org.teachbox.runs.Run;
import org.teachbox.runs.RunStatus;

/**
 * One kept run in the list: a tick box to compare it, how it ended, its settings and result,
 * a field to name it, and its two actions.
 */
class RunRow extends Div {

    /** What the learner can do with a row; the panel carries it out. */
    interface Actions {
        void compare(boolean ticked);

        void rename(String name);

        void makeCurrent();

        void delete();
    }

    RunRow(Run run, boolean current, boolean ticked, boolean tickable, boolean olderData, Actions actions) {
        addClassName("tb-run-row");
        setId("run-" + run.number());
        Checkbox compare = new Checkbox(RunLabels.title(this, run), ticked);
        compare.addClassName("tb-run-compare");
        compare.setEnabled(tickable);
        compare.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                actions.compare(e.getValue());
            }
        });
        Div head = new Div(compare, badge(status(run), "tb-run-" + run.status().name().toLowerCase()));
        if (current) {
            head.add(badge(getTranslation("runs.current"), "tb-run-current"));
        }
        head.addClassName("tb-run-head");

        Span settings = new Span(RunLabels.settings(this, run));
        settings.addClassName("tb-run-settings");
        Span result = new Span(result(run) + (olderData ? " · " + getTranslation("runs.older-data") : ""));
        result.addClassNames("tb-run-result", "tb-muted");
        Div about = new Div(settings, result);
        about.addClassName("tb-run-about");

        TextField name = new TextField();
        name.setPlaceholder(getTranslation("runs.name.placeholder"));
        name.setAriaLabel(getTranslation("runs.name.placeholder"));
        name.setValue(run.hasName() ? run.name() : "");
        name.addClassName("tb-run-name");
        name.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                actions.rename(e.getValue());
            }
        });
        Button use = new Button(getTranslation("runs.use"), e -> actions.makeCurrent());
        use.addClassName("tb-run-use");
        use.addThemeVariants(ButtonVariant.LUMO_SMALL);
        use.setVisible(run.canBecomeCurrent() && !current);
        Button delete = new Button(getTranslation("runs.delete"), e -> actions.delete());
        delete.addClassName("tb-run-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.setEnabled(!current);
        if (current) {
            delete.setTooltipText(getTranslation("runs.error.delete-current"));
        }
        Div tools = new Div(name, use, delete);
        tools.addClassName("tb-run-tools");
        add(head, about, tools);
    }

    private String status(Run run) {
        return getTranslation("runs.status." + run.status().name().toLowerCase());
    }

    private String result(Run run) {
        long seconds = Math.max(1, Math.round(run.report().durationMillis() / 1000.0));
        int epochs = run.report().history().size();
        if (run.status() != RunStatus.FINISHED || epochs == 0) {
            return getTranslation("runs.result.stopped", epochs, run.settings().epochs(), seconds);
        }
        return getTranslation("runs.result", Math.round(100 * run.report().validationAccuracy()),
                run.report().bestEpoch(), seconds);
    }

    private static Span badge(String text, String className) {
        Span badge = new Span(text);
        badge.addClassNames("tb-run-badge", className);
        return badge;
    }
}
