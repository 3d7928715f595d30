package org.teachbox.ui.train;

import java.util.EnumSet;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

import org.teachbox.training.EpochProgress;
import org.teachbox.project.ImageClass;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectService;
import org.teachbox.training.ModelStore;
import org.teachbox.training.Purpose;
import org.teachbox.training.StratifiedSplit;
import org.teachbox.runs.RunHistory;
import org.teachbox.training.TrainingEvent;
import org.teachbox.training.TrainingJob;
import org.teachbox.training.TrainingReport;
import org.teachbox.training.TrainingService;
import org.teachbox.training.TrainingSettings;
import org.teachbox.ui.Messages;
import org.teachbox.ui.insights.CurvesPanel;
import org.teachbox.ui.layout.Announcer;
import org.teachbox.ui.layout.MainLayout;
import org.teachbox.ui.layout.ProjectPage;
import org.teachbox.ui.layout.TrainingFeed;
import org.teachbox.kinds.KindComparison;
import org.teachbox.ui.runs.RunCurves;
import org.teachbox.ui.runs.RunsPanel;

/**
 * Step 2, Train: how the images will be split, one big Train button, the advanced knobs, and
 * the run itself, live: progress, curves, and a plain-words verdict at the end. Below, the kept
 * runs, to compare and to bring back; after a run that blew up, a hint to train again slower.
 */
@Route(value = "project/:projectId/train", layout = MainLayout.class)
@AnonymousAllowed
public class TrainView extends ProjectPage {

    private final TrainingService training;
    private final ModelStore models;
    private final ProgressPanel progress = new ProgressPanel();
    private final CurvesPanel curves = new CurvesPanel();
    private final Paragraph verdict = new Paragraph();
    private final Button train = new Button();
    private final Button cancel = new Button();
    private final Div splitSummary = new Div();
    private final AdvancedSettings advanced = new AdvancedSettings(TrainingSettings.defaults());
    private final DivergedHint diverged = new DivergedHint(this::trainAgain);
    private final RunsPanel runs;
    private final KindsPanel kinds;

    public TrainView(ProjectService projects, TrainingService training, ModelStore models, RunHistory history,
                     KindComparison comparison) {
        super(projects);
        this.training = training;
        this.models = models;
        this.runs = new RunsPanel(history);
        this.kinds = new KindsPanel(comparison, owner);
        configureButtons();
        runs.addCompareListener(e -> RunCurves.draw(curves, e.runs()));
        runs.addCurrentChangedListener(e -> showVerdictOfStoredModel());
        splitSummary.addClassName("tb-split");
        splitSummary.setId("split-summary");
        verdict.setId("train-verdict");
        verdict.addClassName("tb-verdict");
        Div buttons = new Div(train, cancel);
        buttons.addClassName("tb-actions");
        addContent(splitSummary, buttons, advanced, progress, verdict, diverged, curves, runs, kinds);
    }

    private void configureButtons() {
        train.setText(getTranslation("train.button"));
        train.setId("train-button");
        train.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        train.addClickListener(e -> start());
        cancel.setText(getTranslation("train.cancel"));
        cancel.setId("cancel-button");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> training.cancel(owner, project.id(), Purpose.PROJECT));
    }

    @Override
    protected void load(Project project) {
        train.setEnabled(true);
        cancel.setVisible(false);
        progress.done();
        curves.clear();
        verdict.setText("");
        advanced.show(TrainingSettings.defaults());
        diverged.hide();
        showSplit();
        runs.load(owner, project);
        runs.setTraining(false);
        kinds.load(project.id(), project.modelKind());
        showStoredModel();
        showNewestIfItBlewUp();
        if (training.wasInterrupted(project.id())) {
            verdict.setText(getTranslation("train.interrupted"));
        }
    }

    @Override
    protected Registration follow(UI ui, Project project) {
        return TrainingFeed.follow(ui, training, project.id(),
                EnumSet.of(Purpose.PROJECT, Purpose.KINDS_PRETRAINED, Purpose.KINDS_SCRATCH),
                event -> {
                    if (event.purpose() == Purpose.PROJECT) {
                        handle(event);
                    } else {
                        kinds.handle(event); // the comparison of kinds, below
                    }
                });
    }

    private void showSplit() {
        splitSummary.removeAll();
        splitSummary.add(new Paragraph(getTranslation("train.split.intro")));
        for (ImageClass c : projects.classes(owner, project.id())) {
            int validation = StratifiedSplit.validationCount(c.sampleCount());
            Span line = new Span(getTranslation("train.split.line", c.name(),
                    Math.max(0, c.sampleCount() - validation), validation));
            line.addClassName("tb-split-line");
            splitSummary.add(line);
        }
    }

    private void showStoredModel() {
        models.load(owner, project.id()).ifPresent(m -> curves.show(m.report().history(), m.report().bestEpoch()));
        showVerdictOfStoredModel();
    }

    private void showVerdictOfStoredModel() {
        models.load(owner, project.id()).ifPresent(m -> verdict.setText(models.isOutOfDate(owner, project.id())
                ? getTranslation("train.out-of-date") : getTranslation("train.done",
                Math.round(100 * m.report().validationAccuracy()))));
    }

    /** A run newer than the current model that blew up: its curves, and the hint to go slower. */
    private void showNewestIfItBlewUp() {
        runs.newest().filter(r -> runs.currentRunId().filter(r.id()::equals).isEmpty()).ifPresent(r -> {
            diverged.show(r.report());
            if (diverged.isVisible()) {
                verdict.setText("");
                runs.showOnly(r);
            }
        });
    }

    private void trainAgain(TrainingSettings settings) {
        advanced.show(settings);
        start();
    }

    private void start() {
        TrainingSettings settings = advanced.settings();
        if (settings == null) {
            Messages.error(getTranslation("train.error.settings"));
            return;
        }
        progress.setBatchSize(settings.batchSize());
        diverged.hide();
        curves.clear();
        verdict.setText("");
        training.train(owner, project.id(), settings);
    }

    private void handle(TrainingEvent event) {
        if (event.purpose() != Purpose.PROJECT) {
            return;
        }
        boolean running = !(event instanceof TrainingEvent.Finished || event instanceof TrainingEvent.Failed);
        train.setEnabled(!running);
        cancel.setVisible(running);
        runs.setTraining(running);
        if (running) {
            diverged.hide();
            training.active(project.id(), Purpose.PROJECT).map(TrainingJob::request)
                    .ifPresent(r -> progress.setBatchSize(r.settings().batchSize()));
        }
        progress.show(event);
        switch (event) {
            case TrainingEvent.Started s -> {
                curves.clear();
                verdict.setText("");
            }
            case TrainingEvent.Epoch e -> {
                EpochProgress r = e.result();
                curves.addEpoch(r.trainAccuracy(), r.valAccuracy(), r.trainLoss(), r.valLoss());
            }
            case TrainingEvent.Finished f -> finished(f.report());
            case TrainingEvent.Failed f -> {
                progress.done();
                verdict.setText(getTranslation(f.messageKey(), f.args().toArray()));
                Announcer.announce(this, verdict.getText());
            }
            default -> {
            }
        }
    }

    private void finished(TrainingReport report) {
        progress.done();
        runs.showNewest();
        curves.show(report);
        diverged.show(report);
        verdict.setText(switch (report.status()) {
            // the hint below says why, and offers the smaller learning rate
            case DIVERGED -> "";
            case CANCELLED -> getTranslation("train.cancelled");
            case COMPLETED -> getTranslation("train.done", Math.round(100 * report.validationAccuracy()));
        });
        // the learner may be reading the curves or another tab: a screen reader says how it ended
        Announcer.announce(this, diverged.isVisible() ? getTranslation("train.announce.diverged") : verdict.getText());
    }
}
