package org.teachbox.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.teachbox.bias.BiasLabService;
import org.teachbox.training.EpochProgress;
import org.teachbox.prediction.PredictionService;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.training.ModelStore;
import org.teachbox.training.Purpose;
import org.teachbox.training.TrainingEvent;
import org.teachbox.training.TrainingJob;
import org.teachbox.training.TrainingService;
import org.teachbox.ui.bias.BiasLabView;
import org.teachbox.ui.components.TrainChart;
import org.teachbox.ui.insights.InsightsView;
import org.teachbox.ui.train.TrainView;

/**
 * Project pages on the server, without a browser: Vaadin reuses a page when the learner opens
 * the same step again, so one click must still be one action, a page must follow the project it
 * shows, and what a running job did so far is drawn once. Training is a stand-in that publishes
 * exactly the events a test gives it, so every interleaving here is deterministic.
 */
@SpringBootTest(properties = "teachbox.data-dir=target/test-data/views-${random.uuid}")
class ViewLifecycleTest {

    @Autowired
    org.teachbox.kinds.KindComparison kinds;
    @Autowired
    ProjectService projects;
    @Autowired
    ModelStore models;
    @Autowired
    org.teachbox.runs.RunHistory runs;
    @Autowired
    org.teachbox.bias.SkewedCollection collection;
    @Autowired
    org.teachbox.bias.CollectionMistakes mistakes;

    private final String owner = UUID.randomUUID().toString();
    private final ServerSideUi browser = new ServerSideUi(owner, Locale.ENGLISH);
    private final FakeTraining jobs = new FakeTraining();

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void oneClickOnTrainIsOneRunAfterOpeningTheTrainStepThreeTimes() {
        Project p = project("Cats");
        TrainView view = new TrainView(projects, jobs.service, models, runs, kinds);
        for (int i = 0; i < 3; i++) {
            browser.enter(view, p.id().toString());
        }

        ServerSideUi.click(ServerSideUi.find(view, Button.class, "train-button"));

        verify(jobs.service, times(1)).train(eq(owner), eq(p.id()), any());
        assertThat(browser.notifications()).noneMatch(n -> n.contains("already training"));
        assertThat(ServerSideUi.descendants(view).filter(c -> c.getId().filter("train-button"::equals).isPresent()))
                .hasSize(1);
    }

    @Test
    void biasButtonsStartOneRunEachAfterOpeningTheLabTwice() {
        Project p = project("Bias");
        BiasLabService lab = mock(BiasLabService.class);
        BiasLabView view = new BiasLabView(projects, lab, jobs.service, collection, mistakes,
                mock(org.teachbox.prediction.ExplanationQueue.class));
        browser.enter(view, p.id().toString());
        browser.enter(view, p.id().toString());

        ServerSideUi.click(ServerSideUi.find(view, Button.class, "bias-train-fair"));

        verify(lab, times(1)).trainFair(owner, p.id());
    }

    @Test
    void goingFromProjectAToProjectBShowsOnlyBsProgress() {
        Project a = project("A");
        Project b = project("B");
        TrainView view = new TrainView(projects, jobs.service, models, runs, kinds);
        browser.enter(view, a.id().toString());
        browser.enter(view, b.id().toString());

        UUID jobOfA = UUID.randomUUID();
        jobs.publish(a.id(), new TrainingEvent.Step(jobOfA, Purpose.PROJECT, 3, 10, 2, 4, 50, 30));
        jobs.publish(a.id(), new TrainingEvent.Epoch(jobOfA, Purpose.PROJECT, epoch(3, 10)));
        browser.runPendingAccess();

        assertThat(status(view)).isEmpty();
        assertThat(trainPoints(view)).isEmpty();
        assertThat(jobs.listeners(a.id())).isEmpty();

        UUID jobOfB = UUID.randomUUID();
        jobs.publish(b.id(), new TrainingEvent.Step(jobOfB, Purpose.PROJECT, 1, 10, 1, 4, 50, 30));
        jobs.publish(b.id(), new TrainingEvent.Epoch(jobOfB, Purpose.PROJECT, epoch(1, 10)));
        browser.runPendingAccess();

        assertThat(status(view)).startsWith("Epoch 1/10 · step 1/4");
        assertThat(trainPoints(view)).hasSize(1);
        assertThat(jobs.listeners(b.id())).hasSize(1);
    }

    @Test
    void leavingThePageStopsFollowingEvenEventsAlreadyOnTheirWay() {
        Project a = project("Gone");
        TrainView view = new TrainView(projects, jobs.service, models, runs, kinds);
        browser.enter(view, a.id().toString());
        UUID job = UUID.randomUUID();
        jobs.publish(a.id(), new TrainingEvent.Epoch(job, Purpose.PROJECT, epoch(1, 10)));

        browser.ui().remove(view);
        browser.runPendingAccess();

        assertThat(jobs.listeners(a.id())).isEmpty();
        assertThat(trainPoints(view)).isEmpty();
    }

    @Test
    void aRunningJobsEpochsAreDrawnOnceWhenTheyAreReplayedAndStillQueued() {
        Project p = project("Mid-run");
        UUID id = UUID.randomUUID();
        TrainingEvent.Epoch first = new TrainingEvent.Epoch(id, Purpose.PROJECT, epoch(1, 10));
        TrainingEvent.Epoch second = new TrainingEvent.Epoch(id, Purpose.PROJECT, epoch(2, 10));
        TrainingEvent.Step step = new TrainingEvent.Step(id, Purpose.PROJECT, 3, 10, 1, 4, 50, 30);
        // The job has done two epochs and one step; the same events are still on their way to
        // the page through the subscription, as when the page opens while they are published.
        jobs.running(p.id(), id, List.of(first.result(), second.result()), step);
        jobs.alsoDeliverOnSubscribe(p.id(), List.of(first, second, step));
        TrainView view = new TrainView(projects, jobs.service, models, runs, kinds);
        browser.enter(view, p.id().toString());
        browser.runPendingAccess();

        assertThat(trainPoints(view)).hasSize(2);
        assertThat(status(view)).startsWith("Epoch 3/10 · step 1/4");

        jobs.publish(p.id(), new TrainingEvent.Step(id, Purpose.PROJECT, 2, 10, 4, 4, 50, 30));
        jobs.publish(p.id(), new TrainingEvent.Epoch(id, Purpose.PROJECT, epoch(3, 10)));
        browser.runPendingAccess();

        assertThat(trainPoints(view)).hasSize(3);
        assertThat(status(view)).as("a step older than the one shown is not shown").startsWith("Epoch 3/10 · step 1/4");
    }

    @Test
    void aPageThatCannotBeBuiltSaysSoInOneTranslatedSentence() {
        Project p = project("Broken");
        ModelStore down = mock(ModelStore.class);
        when(down.load(any(), any())).thenThrow(new DataAccessResourceFailureException(
                "Connection is broken: jdbc:h2:file:/srv/teachbox/data/teachbox"));
        InsightsView view = new InsightsView(projects, down, mock(PredictionService.class), runs,
                mock(org.teachbox.prediction.ExplanationQueue.class));

        browser.enter(view, p.id().toString());

        String shown = ServerSideUi.text(view);
        assertThat(shown).contains("This page could not be opened")
                .contains("Your images are safe")
                .doesNotContain("jdbc").doesNotContain("/srv").doesNotContain("Exception");
    }

    @Test
    void aPageThatCannotBeBuiltSpeaksChineseToAChineseBrowser() {
        browser.ui().setLocale(Locale.TRADITIONAL_CHINESE);
        Project p = project("壞掉");
        ModelStore down = mock(ModelStore.class);
        when(down.load(any(), any())).thenThrow(new IllegalStateException("SELECT * FROM sample"));
        InsightsView view = new InsightsView(projects, down, mock(PredictionService.class), runs,
                mock(org.teachbox.prediction.ExplanationQueue.class));

        browser.enter(view, p.id().toString());

        assertThat(ServerSideUi.text(view)).contains("這個頁面打不開").doesNotContain("SELECT");
    }

    @Test
    void anyOtherPageThatFailsToOpenGetsTheTranslatedErrorViewWithoutTheException() {
        org.teachbox.ui.layout.ErrorView view = new org.teachbox.ui.layout.ErrorView();
        com.vaadin.flow.router.BeforeEnterEvent event = mock(com.vaadin.flow.router.BeforeEnterEvent.class);
        when(event.getLocation()).thenReturn(new com.vaadin.flow.router.Location("projects"));

        int status = view.setErrorParameter(event, new com.vaadin.flow.router.ErrorParameter<>(Exception.class,
                new IllegalStateException("org.h2.jdbc.JdbcSQLNonTransientConnectionException: /srv/data")));

        assertThat(status).isEqualTo(500);
        assertThat(ServerSideUi.text(view)).startsWith("This page could not be opened")
                .doesNotContain("h2").doesNotContain("/srv");
    }

    @Test
    void aProjectOfAnotherBrowserIsNotFound() {
        Project theirs = projects.create(UUID.randomUUID().toString(), "Theirs", ModelKind.IMAGE, List.of("a", "b"));
        TrainView view = new TrainView(projects, jobs.service, models, runs, kinds);

        browser.enter(view, theirs.id().toString());

        assertThat(ServerSideUi.text(view)).startsWith("Project not found").doesNotContain("Train");
    }

    private Project project(String name) {
        return projects.create(owner, name, ModelKind.IMAGE, List.of("Class 1", "Class 2"));
    }

    private static EpochProgress epoch(int epoch, int epochs) {
        return new EpochProgress(epoch, epochs, 0.5, 0.7, 0.6, 0.65, 100);
    }

    private static String status(TrainView view) {
        return ServerSideUi.find(view, Span.class, "train-status").getText();
    }

    private static List<Object> trainPoints(TrainView view) {
        Object raw = ServerSideUi.find(view, TrainChart.class, "accuracy-chart").getElement().getPropertyRaw("train");
        String json = raw == null ? "[]" : raw.toString();
        List<Object> points = new ArrayList<>();
        for (String part : json.replaceAll("[\\[\\]\\s]", "").split(",")) {
            if (!part.isEmpty()) {
                points.add(part);
            }
        }
        return points;
    }

    /**
     * TrainingService's public face, as pages use it: subscribe and unsubscribe per project,
     * the active job per purpose, and train. Publishing is the test's to do.
     */
    static final class FakeTraining {
        final TrainingService service = mock(TrainingService.class);
        private final Map<UUID, List<Consumer<TrainingEvent>>> listeners = new ConcurrentHashMap<>();
        private final Map<UUID, List<TrainingEvent>> onSubscribe = new ConcurrentHashMap<>();
        private int trains;

        FakeTraining() {
            doAnswer(call -> {
                UUID projectId = call.getArgument(0);
                Consumer<TrainingEvent> listener = call.getArgument(1);
                listeners.computeIfAbsent(projectId, id -> new CopyOnWriteArrayList<>()).add(listener);
                onSubscribe.getOrDefault(projectId, List.of()).forEach(listener);
                return (Runnable) () -> listeners.get(projectId).remove(listener);
            }).when(service).subscribe(any(), any());
            when(service.active(any(), any())).thenReturn(Optional.empty());
            doAnswer(call -> {
                if (trains++ > 0) {
                    throw new ProjectRuleException("train.error.already-running");
                }
                return null;
            }).when(service).train(any(), any(), any());
        }

        void running(UUID projectId, UUID jobId, List<EpochProgress> epochs, TrainingEvent last) {
            TrainingJob job = mock(TrainingJob.class);
            when(job.id()).thenReturn(jobId);
            when(job.purpose()).thenReturn(Purpose.PROJECT);
            when(job.projectId()).thenReturn(projectId);
            when(job.epochs()).thenReturn(epochs);
            when(job.lastEvent()).thenReturn(last);
            when(service.active(projectId, Purpose.PROJECT)).thenReturn(Optional.of(job));
        }

        void alsoDeliverOnSubscribe(UUID projectId, List<TrainingEvent> events) {
            onSubscribe.put(projectId, events);
        }

        void publish(UUID projectId, TrainingEvent event) {
            listeners.getOrDefault(projectId, List.of()).forEach(l -> l.accept(event));
        }

        List<Consumer<TrainingEvent>> listeners(UUID projectId) {
            return listeners.getOrDefault(projectId, List.of());
        }
    }
}
