package org.teachbox.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.teachbox.training.EpochProgress;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectService;
import org.teachbox.runs.Run;
import org.teachbox.runs.RunHistory;
import org.teachbox.runs.RunStatus;
import org.teachbox.samples.SampleProjects;
import org.teachbox.training.ModelStore;
import org.teachbox.training.OptimizerChoice;
import org.teachbox.training.Purpose;
import org.teachbox.training.TrainingEvent;
import org.teachbox.training.TrainingService;
import org.teachbox.ui.train.TrainView;

/**
 * The Train page with the real training pool: a learning rate far too big makes the loss NaN,
 * and the page says why and offers one click to train again ten times slower. And, with a
 * stand-in pool, the live lines that explain epoch, step and batch size.
 */
@SpringBootTest(properties = "teachbox.data-dir=target/test-data/train-runs-${random.uuid}")
class TrainRunsViewTest {

    @Autowired
    org.teachbox.kinds.KindComparison kinds;
    @Autowired
    ProjectService projects;
    @Autowired
    ModelStore models;
    @Autowired
    RunHistory runs;
    @Autowired
    TrainingService training;
    @Autowired
    SampleProjects samples;

    private final String owner = UUID.randomUUID().toString();
    private final ServerSideUi browser = new ServerSideUi(owner, Locale.ENGLISH);

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRunWhoseLossBecomesNaNSuggestsASmallerLearningRateAndTrainsAgainWithATenth() throws Exception {
        Project p = samples.shapes(owner, "Too fast");
        TrainView view = browser.enter(new TrainView(projects, training, models, runs, kinds), p.id().toString());
        ServerSideUi.find(view, IntegerField.class, "epochs").setValue(4);
        ServerSideUi.find(view, NumberField.class, "learning-rate").setValue(1000.0);
        ServerSideUi.descendants(view).filter(Select.class::isInstance).map(c -> (Select<OptimizerChoice>) c)
                .findFirst().orElseThrow().setValue(OptimizerChoice.SGD);
        Div hint = ServerSideUi.find(view, Div.class, "diverged-hint");
        assertThat(hint.isVisible()).isFalse();

        ServerSideUi.click(ServerSideUi.find(view, Button.class, "train-button"));
        waitUntil(() -> hint.isVisible() || runs.list(owner, p.id()).size() == 1 && idle(p));
        browser.runPendingAccess();

        assertThat(runs.list(owner, p.id())).extracting(Run::status).containsExactly(RunStatus.DIVERGED);
        assertThat(hint.isVisible()).isTrue();
        assertThat(ServerSideUi.text(hint)).contains("“not a number” with learning rate 1000")
                .contains("ten times smaller");
        Button retry = ServerSideUi.find(view, Button.class, "retry-smaller-lr");
        assertThat(retry.getText()).isEqualTo("Train again with learning rate 100 (instead of 1000)");
        Div row = ServerSideUi.find(view, Div.class, "run-1");
        assertThat(ServerSideUi.descendants(row).filter(com.vaadin.flow.component.checkbox.Checkbox.class::isInstance)
                .map(c -> ((com.vaadin.flow.component.checkbox.Checkbox) c).getLabel())).containsExactly("Run 1");
        assertThat(ServerSideUi.text(row)).contains("Blew up").contains("lr 1000 · 4 epochs · batch 16")
                .doesNotContain("Use this model");

        // coming back to Train later: the run that blew up is the one shown, with the hint
        browser.enter(view, p.id().toString());
        assertThat(hint.isVisible()).isTrue();
        assertThat(ServerSideUi.descendants(ServerSideUi.find(view, Div.class, "run-1"))
                .filter(com.vaadin.flow.component.checkbox.Checkbox.class::isInstance)
                .map(c -> ((com.vaadin.flow.component.checkbox.Checkbox) c).getValue())).containsExactly(true);

        ServerSideUi.click(retry);
        waitUntil(() -> runs.list(owner, p.id()).size() == 2 && idle(p));
        browser.runPendingAccess();
        assertThat(runs.list(owner, p.id()).getLast().settings().learningRate()).isEqualTo(100.0);
        assertThat(ServerSideUi.find(view, NumberField.class, "learning-rate").getValue()).isEqualTo(100.0);
    }

    @Test
    void stepsShowWhatAnEpochAStepAndTheBatchSizeAre() {
        Project p = projects.create(owner, "Terms", org.teachbox.project.ModelKind.IMAGE, List.of("a", "b"));
        ViewLifecycleTest.FakeTraining jobs = new ViewLifecycleTest.FakeTraining();
        TrainView view = browser.enter(new TrainView(projects, jobs.service, models, runs, kinds), p.id().toString());
        ServerSideUi.find(view, IntegerField.class, "batch-size").setValue(8);
        ServerSideUi.click(ServerSideUi.find(view, Button.class, "train-button"));

        UUID job = UUID.randomUUID();
        jobs.publish(p.id(), new TrainingEvent.Step(job, Purpose.PROJECT, 2, 10, 3, 7, 50, 30));
        browser.runPendingAccess();

        assertThat(ServerSideUi.find(view, Span.class, "train-term-epoch").getText())
                .isEqualTo("Epoch 2 of 10: one epoch is one pass through all training pictures.");
        assertThat(ServerSideUi.find(view, Span.class, "train-term-step").getText()).startsWith("Step 3 of 7: one step is one batch");
        assertThat(ServerSideUi.find(view, Span.class, "train-term-batch").getText())
                .isEqualTo("Batch size 8: how many pictures go into each step.");
        jobs.publish(p.id(), new TrainingEvent.Epoch(job, Purpose.PROJECT, new EpochProgress(1, 10, 1, 0.5, 1, 0.5, 50)));
        browser.runPendingAccess();
        assertThat(ServerSideUi.text(view)).doesNotContain("Overfitting");
    }

    private boolean idle(Project p) {
        return training.active(p.id(), Purpose.PROJECT).isEmpty();
    }

    private void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + 180_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < until) {
            browser.runPendingAccess();
            Thread.sleep(100);
        }
        assertThat(done.getAsBoolean()).as("in time").isTrue();
    }

}
