package org.teachbox.ui.bias;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;

import org.teachbox.bias.CollectionMistakes;
import org.teachbox.bias.Conclusion;
import org.teachbox.bias.LabResult;
import org.teachbox.bias.RunSummary;
import org.teachbox.bias.SkewedCollection;
import org.teachbox.project.Project;
import org.teachbox.training.Purpose;

/**
 * Step 6, "Skewed collection": pick a fairly collected and a skewed project with this project's
 * classes, train both, and compare them on this project's test pictures; then the pictures only
 * the skewed model gets wrong, with its heat maps. This project itself is the fair collection to
 * start with, so a learner only has to choose the skewed one.
 */
class CollectionPanel extends Div {

    private final Select<Project> fair = new Select<>();
    private final Select<Project> skewed = new Select<>();
    private final Button train = new Button();
    private final Paragraph hint = new Paragraph();
    private final Paragraph question = new Paragraph();
    private final Div verdict = new Div();
    private final Div columns = new Div();
    private final MistakeGallery gallery = new MistakeGallery();

    private final H3 galleryTitle = new H3();
    private final Paragraph status = new Paragraph();
    private final SkewedCollection collection;
    private final CollectionMistakes mistakes;
    private final String owner;
    private List<Project> candidates = List.of();
    private List<String> classNames = List.of();
    private UUID projectId;

    CollectionPanel(SkewedCollection collection, CollectionMistakes mistakes, String owner) {
        this.collection = collection;
        this.mistakes = mistakes;
        this.owner = owner;
        for (Select<Project> select : List.of(fair, skewed)) {
            select.setItemLabelGenerator(p -> p.id().equals(projectId)
                    ? getTranslation("lab.collection.this", p.name()) : p.name());
            select.setWidth("min(100%, 22em)");
        }
        fair.setLabel(getTranslation("lab.collection.fair"));
        fair.setId("collection-fair-project");
        skewed.setLabel(getTranslation("lab.collection.skewed"));
        skewed.setId("collection-skewed-project");
        train.setText(getTranslation("lab.collection.button"));
        train.setId("bias-train-collection");
        train.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        train.addClickListener(e -> start());
        hint.addClassName("tb-muted");
        verdict.setId("collection-verdict");
        verdict.addClassName("tb-verdict");
        columns.setId("collection-comparison");
        columns.addClassName("tb-runs");
        Div choices = new Div(fair, skewed, train);
        choices.addClassName("tb-form");
        galleryTitle.setText(getTranslation("lab.gallery.title"));
        question.setText(getTranslation("lab.gallery.question"));
        question.addClassName("tb-hint");
        question.setId("collection-question");
        Paragraph kinds = new Paragraph(getTranslation("lab.collection.kinds"));
        kinds.addClassName("tb-hint");
        status.setId("collection-status");
        status.addClassName("tb-muted");
        add(hint, kinds, choices, status, verdict, columns, galleryTitle, question, gallery);
    }

    /**
     * Loads a lab project: its class names, and the projects with the same classes to choose
     * from: this one as the fair collection and the first other one as the skewed, to start with.
     */
    void load(UUID projectId, List<String> classNames, boolean hasTestPictures) {
        this.projectId = projectId;
        this.classNames = List.copyOf(classNames);
        this.candidates = collection.candidates(owner, projectId);
        status.setText("");
        fair.setItems(candidates);
        skewed.setItems(candidates);
        fair.setValue(candidates.getFirst());
        skewed.setValue(candidates.size() < 2 ? null : candidates.get(1));
        String missing = !hasTestPictures ? "lab.collection.need-tests"
                : candidates.size() < 2 ? "lab.collection.need-projects" : null;
        hint.setText(missing == null ? "" : getTranslation(missing));
        hint.setVisible(missing != null);
        train.setEnabled(missing == null);
    }

    /** The projects a comparison may train: the page follows their lab runs. */
    List<UUID> candidateIds() {
        return candidates.stream().map(Project::id).toList();
    }

    private void start() {
        if (fair.getValue() == null || skewed.getValue() == null) {
            return;
        }
        collection.train(owner, projectId, fair.getValue().id(), skewed.getValue().id());
    }

    /** Shows both runs, or what is missing; the gallery's heat maps are computed off the session lock. */
    void refresh() {
        String who = owner;
        UUID id = projectId;
        Optional<LabResult> fairRun = collection.result(owner, id, Purpose.BIAS_COLLECTION_FAIR);
        Optional<LabResult> skewedRun = collection.result(owner, id, Purpose.BIAS_COLLECTION_SKEWED);
        columns.removeAll();
        verdict.removeAll();
        RunSummary fairTest = fairRun.map(r -> r.testSummary(classNames)).orElse(null);
        RunSummary skewedTest = skewedRun.map(r -> r.testSummary(classNames)).orElse(null);
        boolean both = fairTest != null && skewedTest != null;
        galleryTitle.setVisible(both);
        question.setVisible(both);
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
            gallery.load((limit, wanted) -> mistakes.later(who, id, fairRun.get(), skewedRun.get(), limit, wanted), classNames);
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
}
