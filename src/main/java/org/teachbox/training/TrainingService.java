package org.teachbox.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.teachbox.engine.layers.VectorSupport;
import org.teachbox.project.ProjectData;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.pretrained.Embeddings;

/**
 * Runs training jobs for a whole classroom on one server. A fixed pool sized to the CPU cores
 * takes jobs first come, first served; everyone else waits in a visible queue. Each learner may
 * have one job per purpose and project, so a double click cannot hog the machine. Jobs publish
 * events to whoever watches the project; pages subscribe on attach and unsubscribe on detach.
 */
@Service
public class TrainingService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TrainingService.class);

    private final ProjectService projects;
    private final ModelStore models;
    private final Embeddings embeddings;
    private final ExecutorService pool;
    private final int threadsPerJob;
    private final List<TrainingJob> waiting = new ArrayList<>();
    private final Map<String, TrainingJob> activeBySlot = new ConcurrentHashMap<>();
    private final Map<UUID, List<Consumer<TrainingEvent>>> subscribers = new ConcurrentHashMap<>();

    TrainingService(ProjectService projects, ModelStore models, Embeddings embeddings,
                    @Value("${teachbox.training.parallel-jobs:0}") int parallelJobs) {
        this.projects = projects;
        this.models = models;
        this.embeddings = embeddings;
        int cores = Runtime.getRuntime().availableProcessors();
        int jobs = parallelJobs > 0 ? parallelJobs : Math.max(1, cores / 2);
        this.threadsPerJob = Math.max(1, cores / jobs);
        this.pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "training");
            t.setDaemon(true);
            return t;
        });
        log.info("Training pool: {} parallel job(s), {} thread(s) each", jobs, threadsPerJob);
        if (!VectorSupport.enabled()) {
            log.warn("Training runs without the Vector API and is about 1.7 times slower; "
                    + "start Java with --add-modules jdk.incubator.vector");
        }
    }

    /** Queues training of the project's own model; its result replaces the stored model. */
    public TrainingJob train(String owner, UUID projectId, TrainingSettings settings) {
        return submit(new TrainingRequest(owner, projectId, Purpose.PROJECT, settings, DataRecipe.FAIR,
                (model, report) -> models.save(owner, projectId, model, report)));
    }

    public TrainingJob submit(TrainingRequest request) {
        TrainingGuards.check(projects.classes(request.owner(), request.projectId()));
        String slot = slot(request.projectId(), request.purpose());
        TrainingJob job = new TrainingJob(request);
        if (activeBySlot.putIfAbsent(slot, job) != null) {
            throw new ProjectRuleException("train.error.already-running");
        }
        int position;
        synchronized (waiting) {
            waiting.add(job);
            position = waiting.size();
        }
        publish(job, new TrainingEvent.Queued(job.id(), job.purpose(), position));
        pool.execute(() -> run(job, slot));
        return job;
    }

    public Optional<TrainingJob> active(UUID projectId, Purpose purpose) {
        return Optional.ofNullable(activeBySlot.get(slot(projectId, purpose)));
    }

    public void cancel(String owner, UUID projectId, Purpose purpose) {
        active(projectId, purpose).filter(j -> j.request().owner().equals(owner)).ifPresent(TrainingJob::cancel);
    }

    /** Listen to every job of a project. Call the returned handle to stop listening. */
    public Runnable subscribe(UUID projectId, Consumer<TrainingEvent> listener) {
        subscribers.computeIfAbsent(projectId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> subscribers.getOrDefault(projectId, List.of()).remove(listener);
    }

    private void run(TrainingJob job, String slot) {
        try {
            leaveQueue(job);
            if (job.isCancelled()) {
                publish(job, new TrainingEvent.Failed(job.id(), job.purpose(), "train.cancelled", List.of()));
                return;
            }
            TrainingRequest request = job.request();
            ProjectData data = projects.data(request.owner(), request.projectId());
            log.info("Training {} for project {} ({} classes, {})", job.purpose(), job.projectId(),
                    data.classes().size(), request.settings());
            TrainingRun.Outcome outcome = new TrainingRun(job, threadsPerJob, e -> publish(job, e), embeddings).run(data);
            if (outcome == null) {
                publish(job, new TrainingEvent.Failed(job.id(), job.purpose(), "train.cancelled", List.of()));
                return;
            }
            log.info("Training {} for project {} ended {} after {} ms", job.purpose(), job.projectId(),
                    outcome.report().status(), outcome.report().durationMillis());
            if (TrainingReport.COMPLETED.equals(outcome.report().status())) {
                request.onCompleted().accept(outcome.model(), outcome.report());
            }
            publish(job, new TrainingEvent.Finished(job.id(), job.purpose(), outcome.report()));
        } catch (ProjectRuleException e) {
            publish(job, new TrainingEvent.Failed(job.id(), job.purpose(), e.messageKey(), List.of(e.messageArgs())));
        } catch (RuntimeException | OutOfMemoryError e) {
            log.error("Training job {} for project {} failed", job.id(), job.projectId(), e);
            publish(job, new TrainingEvent.Failed(job.id(), job.purpose(), "train.error.internal", List.of()));
        } finally {
            activeBySlot.remove(slot, job);
        }
    }

    private void leaveQueue(TrainingJob job) {
        List<TrainingJob> stillWaiting;
        synchronized (waiting) {
            waiting.remove(job);
            stillWaiting = List.copyOf(waiting);
        }
        for (int i = 0; i < stillWaiting.size(); i++) {
            TrainingJob other = stillWaiting.get(i);
            publish(other, new TrainingEvent.Queued(other.id(), other.purpose(), i + 1));
        }
    }

    private void publish(TrainingJob job, TrainingEvent event) {
        job.record(event);
        for (Consumer<TrainingEvent> listener : subscribers.getOrDefault(job.projectId(), List.of())) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("A training listener failed", e);
            }
        }
    }

    private static String slot(UUID projectId, Purpose purpose) {
        return projectId + "/" + purpose;
    }

    @Override
    public void destroy() {
        activeBySlot.values().forEach(TrainingJob::cancel);
        pool.shutdownNow();
    }
}
