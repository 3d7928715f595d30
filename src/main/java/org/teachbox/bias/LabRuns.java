package org.teachbox.bias;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.teachbox.engine.Classifier;
import org.teachbox.project.ProjectDataRemoved;
import org.teachbox.training.Purpose;
import org.teachbox.training.TestResult;
import org.teachbox.training.TrainingReport;

/**
 * The lab runs of each project: written to {@code lab_run} when a run ends, and kept in memory
 * with their models for the most recently used labs. A lab not in memory (after a restart, or
 * pushed out by others) is read back from the table, with its numbers but without models.
 */
@Component
class LabRuns {

    private static final Logger log = LoggerFactory.getLogger(LabRuns.class);

    private final LabRunRepository repo;
    private final Map<UUID, Map<Purpose, LabResult>> labs;

    LabRuns(LabRunRepository repo, BiasProperties settings) {
        int labsKept = settings.labsKept();
        this.repo = repo;
        this.labs = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Map<Purpose, LabResult>> eldest) {
                return size() > Math.max(1, labsKept);
            }
        });
    }

    Optional<LabResult> get(UUID projectId, Purpose purpose) {
        return Optional.ofNullable(lab(projectId).get(purpose));
    }

    /** Keeps a finished run: in memory with its model, and in the table with its numbers. */
    void put(UUID projectId, Purpose purpose, LabExperiment experiment, Classifier model, TrainingReport report,
             TestResult test, LabRecipe recipe) {
        lab(projectId).put(purpose, new LabResult(model, report, test, recipe));
        try {
            repo.save(new LabRun(UUID.randomUUID(), projectId, purpose, experiment, recipe, report, test,
                    java.time.Instant.now()));
        } catch (org.springframework.dao.DataIntegrityViolationException projectGone) {
            log.info("Lab run {} of project {} was not kept: the project was deleted", purpose, projectId);
        } catch (RuntimeException e) {
            // the lesson goes on with the run in memory; only a restart would lose it
            log.warn("Lab run {} of project {} could not be stored", purpose, projectId, e);
        }
    }

    /** Forgets runs that a new run makes stale, in memory and in the table. */
    void clear(UUID projectId, Collection<Purpose> purposes) {
        Map<Purpose, LabResult> lab = lab(projectId);
        purposes.forEach(lab::remove);
        repo.delete(projectId, purposes);
    }

    /** A deleted project's lab goes with it; so does it when a class its runs knew is deleted. */
    @EventListener
    void onProjectDataRemoved(ProjectDataRemoved removed) {
        labs.remove(removed.projectId());
        try {
            repo.delete(removed.projectId(), List.of(Purpose.values()));
        } catch (RuntimeException e) {
            log.warn("Lab runs of project {} could not be removed", removed.projectId(), e);
        }
    }

    int inMemory() {
        return labs.size();
    }

    private Map<Purpose, LabResult> lab(UUID projectId) {
        return labs.computeIfAbsent(projectId, this::load);
    }

    private Map<Purpose, LabResult> load(UUID projectId) {
        Map<Purpose, LabResult> lab = Collections.synchronizedMap(new EnumMap<>(Purpose.class));
        for (LabRun run : repo.list(projectId)) {
            lab.put(run.purpose(), new LabResult(null, run.report(), run.test(), run.recipe()));
        }
        return lab;
    }
}
