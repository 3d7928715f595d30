package org.teachbox.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.teachbox.BackgroundPriority;
import org.teachbox.engine.layers.VectorSupport;
import org.teachbox.project.ImageClass;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectData;
import org.teachbox.project.ProjectDataRemoved;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.project.TrainingWanted;
import org.teachbox.pretrained.Embeddings;

/**
 * Runs training jobs for a whole classroom on one server. A fixed number of workers, sized to
 * the CPU cores, take jobs from a {@link FairQueue}: fair between learners, quick trainings before
 * long ones (a long one is passed a few times at most), one waiting job per learner. Every job has
 * a cost (pictures × epochs) within a budget and a time limit, so no single run can hold a worker
 * for the whole lesson. Each project may have one job per purpose, so a
 * double click cannot queue twice. Jobs publish events, with the queue position and an estimated
 * start time, to whoever watches the project; pages subscribe on attach and unsubscribe on detach.
 */
@Service
public class TrainingService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TrainingService.class);

    /** How many quick trainings may go ahead of a long one (see {@link FairQueue}), for the pages to say. */
    public static final int MAX_PASSED = FairQueue.MAX_PASSED;

    private final ProjectService projects;
    private final ModelStore models;
    private final Embeddings embeddings;
    private final Interruptions interruptions;
    private final ApplicationEventPublisher events;
    private final FairQueue queue = new FairQueue();
    private final List<Thread> workers = new ArrayList<>();
    private final int threadsPerJob;
    private final long maxCost;
    private final java.time.Duration maxTime;
    private final QueueClock clock;
    private final TrainingMetrics metrics;
    private final Map<String, TrainingJob> activeBySlot = new ConcurrentHashMap<>();
    private final Map<UUID, List<Consumer<TrainingEvent>>> subscribers = new ConcurrentHashMap<>();
    /** Set on shutdown: jobs cancelled by it were interrupted, not ended by their learner. */
    private volatile boolean stopping;

    /** The default most cost, 200,000 pictures × epochs, is 400 pictures at 500 epochs, or 4,000 at the default 50. */
    TrainingService(ProjectService projects, ModelStore models, Embeddings embeddings, Interruptions interruptions,
                    ApplicationEventPublisher events, BackgroundPriority priority, MeterRegistry meters,
                    TrainingProperties settings) {
        int parallelJobs = settings.parallelJobs();
        long maxCost = settings.maxCost();
        java.time.Duration maxTime = settings.maxTime();
        this.projects = projects;
        this.models = models;
        this.embeddings = embeddings;
        this.interruptions = interruptions;
        this.events = events;
        this.maxCost = maxCost;
        this.maxTime = maxTime;
        int cores = Runtime.getRuntime().availableProcessors();
        int jobs = parallelJobs > 0 ? parallelJobs : Math.max(1, cores / 2);
        this.threadsPerJob = Math.max(1, cores / jobs);
        this.clock = new QueueClock(jobs);
        this.metrics = new TrainingMetrics(meters, queue);
        for (int i = 0; i < jobs; i++) {
            Thread t = new Thread(() -> {
                priority.lowerThisThread(); // clicks first: a page answers while the cores train
                work();
            }, "training-" + (i + 1));
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        log.info("Training pool: {} parallel job(s), {} thread(s) each, at most {} pictures × epochs a job",
                jobs, threadsPerJob, maxCost);
        if (!VectorSupport.enabled()) {
            log.warn("Training runs without the Vector API and is about 1.7 times slower; "
                    + "start Java with --add-modules jdk.incubator.vector");
        }
    }

    /**
     * Queues training of the project's own model; its result replaces the stored model. The job's
     * id is also the id of the run it becomes (see {@link RunEnded}).
     */
    public TrainingJob train(String owner, UUID projectId, TrainingSettings settings) {
        return submit(new TrainingRequest(owner, projectId, Purpose.PROJECT, settings, DataRecipe.FAIR,
                (model, report) -> models.save(owner, projectId, model, report)));
    }

    public TrainingJob submit(TrainingRequest request) {
        List<ImageClass> classes = projects.classes(request.owner(), request.projectId());
        TrainingGuards.check(classes);
        ModelKind kind = request.kind() != null ? request.kind()
                : projects.project(request.owner(), request.projectId()).modelKind();
        long pictures = classes.stream().mapToLong(ImageClass::sampleCount).sum();
        long cost = pictures * request.settings().epochs();
        if (cost > maxCost) {
            throw new ProjectRuleException("train.error.too-costly", pictures, request.settings().epochs(),
                    Math.max(1, maxCost / Math.max(1, pictures)));
        }
        String slot = slot(request.projectId(), request.purpose());
        TrainingJob job = new TrainingJob(request, kind, cost);
        if (activeBySlot.putIfAbsent(slot, job) != null) {
            throw new ProjectRuleException("train.error.already-running");
        }
        // first thing a page hears, even when a worker is free and takes the job at once
        publish(job, new TrainingEvent.Queued(job.id(), job.purpose(), queue.order().size() + 1, 0, 0));
        if (!queue.add(job)) {
            activeBySlot.remove(slot, job);
            throw new ProjectRuleException("train.error.already-queued");
        }
        if (job.purpose() == Purpose.PROJECT) {
            interruptions.started(job.projectId());
        }
        events.publishEvent(new TrainingWanted(request.projectId(), kind));
        publishPositions();
        return job;
    }

    /** The project's last training was cut off by a server restart, and none has run since. */
    public boolean wasInterrupted(UUID projectId) {
        return active(projectId, Purpose.PROJECT).isEmpty() && interruptions.wasInterrupted(projectId);
    }

    public Optional<TrainingJob> active(UUID projectId, Purpose purpose) {
        return Optional.ofNullable(activeBySlot.get(slot(projectId, purpose)));
    }

    public void cancel(String owner, UUID projectId, Purpose purpose) {
        active(projectId, purpose).filter(j -> j.request().owner().equals(owner)).ifPresent(this::cancel);
    }

    /** The teacher's Stop on the dashboard: as the learner's own Cancel, but the learner is told who stopped it. */
    public void stopByTeacher(String owner, UUID projectId, Purpose purpose) {
        active(projectId, purpose).filter(j -> j.request().owner().equals(owner)).ifPresent(j -> cancel(j, TrainingJob.BY_TEACHER));
    }

    /** A deleted project or class: its pictures are gone, so its jobs stop (queued or running). */
    @EventListener
    void onProjectDataRemoved(ProjectDataRemoved removed) {
        for (TrainingJob job : List.copyOf(activeBySlot.values())) {
            if (job.projectId().equals(removed.projectId())) {
                cancel(job);
            }
        }
    }

    private void cancel(TrainingJob job) {
        cancel(job, TrainingJob.CANCELLED);
    }

    private void cancel(TrainingJob job, String why) {
        job.cancel(why);
        if (queue.remove(job)) {
            activeBySlot.remove(slot(job.projectId(), job.purpose()), job);
            publish(job, stopped(job));
            publishPositions();
        }
    }

    /** Listen to every job of a project. Call the returned handle to stop listening. */
    public Runnable subscribe(UUID projectId, Consumer<TrainingEvent> listener) {
        subscribers.computeIfAbsent(projectId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> subscribers.getOrDefault(projectId, List.of()).remove(listener);
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            TrainingJob job;
            try {
                job = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            long started = System.nanoTime();
            try {
                metrics.started(job);
                clock.started(job);
                publishPositions();
                run(job);
            } finally {
                metrics.ended(job, outcome(job), (System.nanoTime() - started) / 1_000_000);
                clock.finished(job);
                queue.done(job);
            }
        }
    }

    private void run(TrainingJob job) {
        String slot = slot(job.projectId(), job.purpose());
        try {
            if (job.isCancelled()) {
                publish(job, stopped(job));
                return;
            }
            TrainingRequest request = job.request();
            job.startClock(maxTime);
            ProjectData data = projects.data(request.owner(), request.projectId());
            if (request.kind() != null) {
                Project p = data.project();
                data = new ProjectData(new Project(p.id(), p.name(), request.kind(), p.dataVersion(), p.createdAt()),
                        data.classes());
            }
            log.info("Training {} for project {} ({} classes, {})", job.purpose(), job.projectId(),
                    data.classes().size(), request.settings());
            TrainingRun.Outcome outcome = new TrainingRun(job, threadsPerJob, e -> publish(job, e), embeddings).run(data);
            if (outcome == null) {
                publish(job, stopped(job));
                return;
            }
            log.info("Training {} for project {} ended {} after {} ms", job.purpose(), job.projectId(),
                    outcome.report().status(), outcome.report().durationMillis());
            if (TrainingReport.COMPLETED.equals(outcome.report().status())) {
                request.onCompleted().accept(outcome.model(), outcome.report());
            }
            events.publishEvent(new RunEnded(job.id(), request.owner(), job.projectId(), job.purpose(), job.kind(),
                    outcome.model(), outcome.report()));
            if (job.isCancelled() && !TrainingJob.CANCELLED.equals(job.stopKey())) {
                // stopped by the time limit or by the teacher: the learner is told which
                publish(job, stopped(job));
                return;
            }
            publish(job, new TrainingEvent.Finished(job.id(), job.purpose(), outcome.report()));
        } catch (ProjectRuleException e) {
            publish(job, new TrainingEvent.Failed(job.id(), job.purpose(), e.messageKey(), List.of(e.messageArgs())));
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            log.error("Training job {} for project {} failed", job.id(), job.projectId(), e);
            publish(job, new TrainingEvent.Failed(job.id(), job.purpose(), "train.error.internal", List.of()));
        } finally {
            activeBySlot.remove(slot, job);
        }
    }

    /** Tells every waiting job where it stands now and when it should start. */
    private void publishPositions() {
        List<TrainingJob> order = queue.order();
        long[] starts = clock.estimatedStarts(order);
        for (int i = 0; i < order.size(); i++) {
            TrainingJob job = order.get(i);
            publish(job, new TrainingEvent.Queued(job.id(), job.purpose(), i + 1, starts[i], queue.passedBy(job)));
        }
    }

    private void publish(TrainingJob job, TrainingEvent event) {
        if (event instanceof TrainingEvent.Finished || event instanceof TrainingEvent.Failed) {
            // free the slot before anyone hears the end, so "Train again" right away is accepted
            activeBySlot.remove(slot(job.projectId(), job.purpose()), job);
            if (job.purpose() == Purpose.PROJECT && !stopping) {
                interruptions.ended(job.projectId());
            }
        }
        job.record(event);
        for (Consumer<TrainingEvent> listener : subscribers.getOrDefault(job.projectId(), List.of())) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("A training listener failed", e);
            }
        }
    }

    /** The event that says a job stopped before its end, and why. */
    private TrainingEvent.Failed stopped(TrainingJob job) {
        List<Object> args = TrainingJob.TOO_LONG.equals(job.stopKey()) ? List.of(Math.max(1, maxTime.toMinutes())) : List.of();
        return new TrainingEvent.Failed(job.id(), job.purpose(), job.stopKey(), args);
    }

    /** How the job ended, from its last event: the report's status, "cancelled", "too-long" or "failed". */
    private static String outcome(TrainingJob job) {
        TrainingEvent last = job.lastEvent();
        if (last instanceof TrainingEvent.Finished f) {
            return f.report().status().name();
        }
        if (last instanceof TrainingEvent.Failed f && f.messageKey().startsWith(TrainingJob.CANCELLED)) {
            return "cancelled"; // by the learner or by the teacher
        }
        return last instanceof TrainingEvent.Failed f && TrainingJob.TOO_LONG.equals(f.messageKey()) ? "too-long" : "failed";
    }

    private static String slot(UUID projectId, Purpose purpose) {
        return projectId + "/" + purpose;
    }

    @Override
    public void destroy() {
        stopping = true;
        activeBySlot.values().forEach(TrainingJob::cancel);
        workers.forEach(Thread::interrupt);
    }
}
