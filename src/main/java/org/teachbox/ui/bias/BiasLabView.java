package org.teachbox.ui.bias;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

import org.teachbox.bias.BiasLabService;
import org.teachbox.bias.CollectionMistakes;
import org.teachbox.prediction.ExplanationQueue;
import org.teachbox.bias.SkewedCollection;
import org.teachbox.bias.LabResult;
import org.teachbox.bias.Conclusion;
import org.teachbox.bias.Experiment;
import org.teachbox.bias.Mitigation;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectService;
import org.teachbox.training.Purpose;
import org.teachbox.training.TrainingEvent;
import org.teachbox.training.TrainingService;
import org.teachbox.ui.Messages;
import org.teachbox.ui.layout.MainLayout;
import org.teachbox.ui.layout.ProjectPage;
import org.teachbox.ui.layout.TrainingFeed;

/**
 * The Bias lab as a guided lesson: train fair → make it biased → see the skew → find the cause
 * → fix it, then compare a fairly and a skewed collected project on this project's test pictures.
 * Each step is one click; the runs are ordinary jobs in the shared training queue, and the page
 * shows the stored runs again after a reload or a restart.
 */
@Route(value = "project/:projectId/bias", layout = MainLayout.class)
@AnonymousAllowed
public class BiasLabView extends ProjectPage {

    private final BiasLabService lab;
    private final TrainingService training;
    private final Paragraph status = new Paragraph();
    private final Div comparison = new Div();
    private final Div conclusion = new Div();
    private final Button trainFair = new Button();
    private final Button trainSkewed = new Button();
    private final Button trainFix = new Button();
    private final Select<Mitigation> mitigation = new Select<>();
    private final ExperimentForm form = new ExperimentForm();
    private final LookPanel look;
    private final CollectionPanel collectionPanel;

    public BiasLabView(ProjectService projects, BiasLabService lab, TrainingService training,
                       SkewedCollection collection, CollectionMistakes mistakes, ExplanationQueue explanations) {
        super(projects);
        this.lab = lab;
        this.training = training;
        this.collectionPanel = new CollectionPanel(collection, mistakes, owner);
        this.look = new LookPanel(lab, explanations, owner);
        status.setId("bias-status");
        status.addClassName("tb-muted");
        comparison.addClassName("tb-runs");
        comparison.setId("bias-comparison");
        conclusion.setId("bias-conclusion");
        conclusion.addClassName("tb-verdict");
        configureButtons();
        addContent(new Paragraph(getTranslation("bias.intro")),
                step("bias.step1", "bias.step1.text", trainFair),
                step("bias.step2", "bias.step2.text", form, trainSkewed),
                status,
                step("bias.step3", "bias.step3.text", conclusion, comparison),
                step("bias.step4", "bias.step4.text", look),
                step("bias.step5", "bias.step5.text", new Div(mitigation), trainFix),
                step("lab.step6", "lab.step6.text", collectionPanel));
    }

    private void configureButtons() {
        trainFair.setText(getTranslation("bias.step1.button"));
        trainFair.setId("bias-train-fair");
        trainFair.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        trainFair.addClickListener(e -> lab.trainFair(owner, project.id()));
        trainSkewed.setText(getTranslation("bias.step2.button"));
        trainSkewed.setId("bias-train-skewed");
        trainSkewed.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        trainSkewed.addClickListener(e -> {
            Experiment experiment = form.experiment();
            if (experiment == null) {
                Messages.error(getTranslation("bias.error.keep"));
                return;
            }
            lab.trainSkewed(owner, project.id(), experiment);
        });
        mitigation.setLabel(getTranslation("bias.fix"));
        mitigation.setItems(Mitigation.values());
        mitigation.setItemLabelGenerator(m -> getTranslation("bias.fix." + m.name().toLowerCase()));
        mitigation.setValue(Mitigation.OVERSAMPLING);
        mitigation.setWidth("min(100%, 34em)");
        trainFix.setText(getTranslation("bias.step5.button"));
        trainFix.setId("bias-train-fix");
        trainFix.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        trainFix.addClickListener(e -> lab.trainMitigated(owner, project.id(), mitigation.getValue()));
    }

    @Override
    protected void load(Project project) {
        var classes = projects.classes(owner, project.id());
        List<String> classNames = classes.stream().map(c -> c.name()).toList();
        form.setClassNames(classNames);
        collectionPanel.load(project.id(), classNames, classes.stream().anyMatch(c -> c.testCount() > 0));
        status.setText("");
        refresh();
    }

    @Override
    protected Registration follow(UI ui, Project project) {
        List<Registration> feeds = new java.util.ArrayList<>();
        feeds.add(TrainingFeed.follow(ui, training, project.id(),
                EnumSet.of(Purpose.BIAS_FAIR, Purpose.BIAS_SKEWED, Purpose.BIAS_MITIGATED), this::handle));
        // a skewed collection trains on the learner's other projects, so the page follows those too
        for (UUID candidate : collectionPanel.candidateIds()) {
            feeds.add(TrainingFeed.follow(ui, training, candidate,
                    EnumSet.of(Purpose.BIAS_COLLECTION_FAIR, Purpose.BIAS_COLLECTION_SKEWED), this::handle));
        }
        return () -> feeds.forEach(Registration::remove);
    }

    private Div step(String title, String text, com.vaadin.flow.component.Component... content) {
        Div step = new Div(new H2(getTranslation(title)), new Paragraph(getTranslation(text)));
        step.add(content);
        step.addClassName("tb-lab-step");
        return step;
    }


    private void refresh() {
        Optional<LabResult> fair = lab.result(owner, project.id(), Purpose.BIAS_FAIR);
        Optional<LabResult> skewed = lab.result(owner, project.id(), Purpose.BIAS_SKEWED);
        Optional<LabResult> fixed = lab.result(owner, project.id(), Purpose.BIAS_MITIGATED);
        Optional<Experiment> experiment = lab.experiment(project.id());
        trainSkewed.setEnabled(fair.isPresent());
        boolean imbalance = experiment.map(x -> x.kind() == Experiment.Kind.IMBALANCE).orElse(false);
        trainFix.setEnabled(skewed.isPresent() && imbalance);
        mitigation.setEnabled(skewed.isPresent() && imbalance);

        comparison.removeAll();
        fair.ifPresent(r -> comparison.add(new RunColumn(getTranslation("bias.run.fair"), "run-fair", r)));
        skewed.ifPresent(r -> comparison.add(new RunColumn(getTranslation("bias.run.skewed"), "run-skewed", r)));
        fixed.ifPresent(r -> comparison.add(new RunColumn(getTranslation("bias.run.fixed",
                getTranslation("bias.fix.short." + lab.mitigation(project.id()).orElse(Mitigation.OVERSAMPLING)
                        .name().toLowerCase())), "run-fixed", r)));

        conclusion.removeAll();
        if (fair.isPresent() && skewed.isPresent() && experiment.isPresent()) {
            List<Conclusion.Line> lines = experiment.get().kind() == Experiment.Kind.SHORTCUT
                    ? Conclusion.shortcut(fair.get().summary(), skewed.get().summary(),
                    fair.get().report().classNames().get(experiment.get().classIndex()))
                    : Conclusion.imbalance(fair.get().summary(), skewed.get().summary(),
                    fixed.map(LabResult::summary).orElse(null), experiment.get().classIndex(),
                    getTranslation("bias.fix.short." + lab.mitigation(project.id()).orElse(Mitigation.OVERSAMPLING)
                            .name().toLowerCase()));
            lines.forEach(l -> conclusion.add(new Paragraph(getTranslation(l.key(), l.args().toArray()))));
            look.show(project.id(), fair.get(), skewed.get(), experiment.get());
        } else {
            conclusion.add(new Paragraph(getTranslation("bias.step3.waiting")));
            look.clear();
        }
        collectionPanel.refresh();
    }

    private void handle(TrainingEvent event) {
        if (event.purpose() == Purpose.PROJECT) {
            return;
        }
        boolean collectionRun = event.purpose() == Purpose.BIAS_COLLECTION_FAIR
                || event.purpose() == Purpose.BIAS_COLLECTION_SKEWED;
        LabStatusText.of(this, event).ifPresent(collectionRun ? collectionPanel::setStatus : status::setText);
        if (event instanceof TrainingEvent.Finished) {
            refresh();
        }
    }
}
