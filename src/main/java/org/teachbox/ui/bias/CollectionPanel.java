package org.teachbox.ui.bias;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;

import org.teachbox.bias.CollectionMistakes;
import org.teachbox.bias.Conclusion;
import org.teachbox.bias.LabResult;
import org.teachbox.bias.RunSummary;
import org.teachbox.project.Project;

/**
 * Step 6, "Skewed collection": pick a fairly collected and a skewed project with this project's
 * classes, train both, and compare them on this project's test pictures; then the pictures only
 * the skewed model gets wrong, with its heat maps. Asks its page to start the runs with an event.
 */
class CollectionPanel extends Div {

    private final Select<Project> fair = new Select<>();
    private final Select<Project> skewed = new Select<>();
    private final Button train = new Button();
    private final Paragraph hint = new Paragraph();
    private final Div verdict = new Div();
    private final Div columns = new Div();
    private final MistakeGallery gallery = new MistakeGallery();

    private final H3 galleryTitle = new H3();
    private final Paragraph status = new Paragraph();
    private List<Project> candidates = List.of();

    CollectionPanel() {
        for (Select<Project> select : List.of(fair, skewed)) {
            select.setItemLabelGenerator(Project::name);
            select.setWidth("min(100%, 22em)");
        }
        fair.setLabel(getTranslation("lab.collection.fair"));
        fair.setId("collection-fair-project");
        skewed.setLabel(getTranslation("lab.collection.skewed"));
        skewed.setId("collection-skewed-project");
        train.setText(getTranslation("lab.collection.button"));
        train.setId("bias-train-collection");
        train.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        train.addClickListener(e -> {
            if (fair.getValue() != null && skewed.getValue() != null) {
                fireEvent(new StartEvent(this, fair.getValue().id(), skewed.getValue().id()));
            }
        });
        hint.addClassName("tb-muted");
        verdict.setId("collection-verdict");
        verdict.addClassName("tb-verdict");
        columns.setId("collection-comparison");
        columns.addClassName("tb-runs");
        Div choices = new Div(fair, skewed, train);
        choices.addClassName("tb-form");
        galleryTitle.setText(getTranslation("lab.gallery.title"));
        status.setId("collection-status");
        status.addClassName("tb-muted");
        add(hint, choices, status, verdict, columns, galleryTitle, gallery);
    }

    /** The learner's projects with this project's classes; the first two are picked to start with. */
    void setCandidates(List<Project> candidates, boolean hasTestPictures) {
        this.candidates = List.copyOf(candidates);
        status.setText("");
        fair.setItems(candidates);
        skewed.setItems(candidates);
        fair.setValue(candidates.isEmpty() ? null : candidates.getFirst());
        skewed.setValue(candidates.size() < 2 ? null : candidates.get(1));
        String missing = !hasTestPictures ? "lab.collection.need-tests"
                : candidates.size() < 2 ? "lab.collection.need-projects" : null;
        hint.setText(missing == null ? "" : getTranslation(missing));
        hint.setVisible(missing != null);
        train.setEnabled(missing == null);
    }

    /** Shows both runs, or what is missing; {@code mistakes} computes the gallery off the session lock. */
    void show(UI ui, List<String> classNames, Optional<LabResult> fairRun, Optional<LabResult> skewedRun,
              IntFunction<List<CollectionMistakes.Mistake>> mistakes) {
        columns.removeAll();
        verdict.removeAll();
        RunSummary fairTest = fairRun.map(r -> r.testSummary(classNames)).orElse(null);
        RunSummary skewedTest = skewedRun.map(r -> r.testSummary(classNames)).orElse(null);
        boolean both = fairTest != null && skewedTest != null;
        galleryTitle.setVisible(both);
        gallery.setVisible(both);
        if (!both) {
            verdict.add(new Paragraph(getTranslation("lab.collection.waiting")));
            gallery.clear("");
            return;
        }
        pick(fair, fairRun.get().recipe().fairProjectId());
        pick(skewed, skewedRun.get().recipe().skewedProjectId());
        columns.add(new CollectionColumn(getTranslation("lab.collection.fair.title", fairRun.get().recipe().fairProjectName()),
                        "collection-fair", fairTest, fairRun.get().summary().accuracy()),
                new CollectionColumn(getTranslation("lab.collection.skewed.title", skewedRun.get().recipe().skewedProjectName()),
                        "collection-skewed", skewedTest, skewedRun.get().summary().accuracy()));
        Conclusion.collection(fairTest, skewedTest, skewedRun.get().summary().accuracy())
                .forEach(l -> verdict.add(new Paragraph(getTranslation(l.key(), l.args().toArray()))));
        if (skewedRun.get().hasModel()) {
            gallery.load(ui, mistakes, classNames);
        } else {
            gallery.clear(getTranslation("lab.look.no-model"));
        }
    }

    /** Where the two collection runs are, as the page hears it. */
    void setStatus(String text) {
        status.setText(text);
    }

    /** Shows the project a stored comparison used, if it still is a candidate. */
    private void pick(Select<Project> select, UUID projectId) {
        candidates.stream().filter(p -> p.id().equals(projectId)).findFirst().ifPresent(select::setValue);
    }

    Registration addStartListener(ComponentEventListener<StartEvent> listener) {
        return addListener(StartEvent.class, listener);
    }

    /** The learner asked to train these two projects and compare them. */
    static final class StartEvent extends ComponentEvent<CollectionPanel> {
        private final UUID fairId;
        private final UUID skewedId;

        StartEvent(CollectionPanel source, UUID fairId, UUID skewedId) {
            super(source, true);
            this.fairId = fairId;
            this.skewedId = skewedId;
        }

        UUID fairId() {
            return fairId;
        }

        UUID skewedId() {
            return skewedId;
        }
    }
}
