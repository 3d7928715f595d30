package org.teachbox.runs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.teachbox.engine.ModelFile;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Names;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.training.ModelStore;
import org.teachbox.training.Purpose;
import org.teachbox.training.RunEnded;

/**
 * Keeps every training of a project's own model as a run, so a learner who changes the
 * learning rate and trains again can still see, and bring back, the run before. At most
 * {@code teachbox.runs.max-per-project} runs are kept; the oldest unnamed one goes first, and
 * the run the current model came from is never dropped.
 */
@Service
public class RunHistory {

    private static final Logger log = LoggerFactory.getLogger(RunHistory.class);

    private final RunRepository repo;
    private final ModelStore models;
    private final ProjectService projects;
    private final int maxNameLength;
    private final int maxPerProject;

    RunHistory(RunRepository repo, ModelStore models, ProjectService projects,
               @Value("${teachbox.runs.max-per-project:10}") int maxPerProject) {
        this.repo = repo;
        this.models = models;
        this.projects = projects;
        this.maxNameLength = projects.limits().maxNameLength();
        this.maxPerProject = Math.max(1, maxPerProject);
    }

    /** The project's runs, oldest first. */
    public List<Run> list(String owner, UUID projectId) {
        projects.project(owner, projectId);
        return repo.list(projectId);
    }

    /** The run the project's current model came from, if it is still kept. */
    public Optional<UUID> currentRunId(String owner, UUID projectId) {
        return models.currentRunId(owner, projectId);
    }

    /** Names a run; a blank name takes the name away again. */
    public void rename(String owner, UUID projectId, UUID runId, String name) {
        projects.project(owner, projectId);
        String clean = name == null || name.isBlank() ? null : Names.clean(name, maxNameLength);
        if (!repo.rename(projectId, runId, clean)) {
            throw new ProjectRuleException("runs.error.gone");
        }
    }

    /** Deletes a run; the one the current model came from stays, so Preview never loses its model. */
    public void delete(String owner, UUID projectId, UUID runId) {
        if (currentRunId(owner, projectId).filter(runId::equals).isPresent()) {
            throw new ProjectRuleException("runs.error.delete-current");
        }
        repo.delete(projectId, runId);
    }

    /** Makes a finished run's model the project's current one: Preview and Under the hood use it. */
    public void makeCurrent(String owner, UUID projectId, UUID runId) {
        projects.project(owner, projectId);
        Run run = repo.find(projectId, runId).orElseThrow(() -> new ProjectRuleException("runs.error.gone"));
        byte[] bytes = repo.model(projectId, runId).filter(b -> run.canBecomeCurrent())
                .orElseThrow(() -> new ProjectRuleException("runs.error.no-model"));
        try {
            ModelFile.Loaded loaded = ModelFile.read(new ByteArrayInputStream(bytes));
            models.save(owner, projectId, loaded.model(), run.report(), runId);
        } catch (IOException | RuntimeException e) {
            log.warn("The model of run {} could not be read", runId, e);
            throw new ProjectRuleException("runs.error.no-model");
        }
    }

    /** Keeps a run of the project's own model; other purposes (the bias lab) are not the project's runs. */
    @EventListener
    void onRunEnded(RunEnded ended) {
        if (ended.purpose() != Purpose.PROJECT) {
            return;
        }
        try {
            byte[] model = ended.finished() ? bytes(ended) : null;
            if (ended.finished()) {
                models.linkRun(ended.projectId(), ended.runId());
            }
            Set<UUID> keep = models.currentRunId(ended.owner(), ended.projectId()).map(Set::of).orElse(Set.of());
            repo.insert(ended.runId(), ended.projectId(), ended.report(), ended.kind() != ModelKind.PRETRAINED,
                    model, maxPerProject, keep);
        } catch (org.springframework.dao.DataIntegrityViolationException projectGone) {
            log.info("Run {} was not kept: its project {} was deleted while it trained", ended.runId(), ended.projectId());
        } catch (RuntimeException e) {
            // the database gone, or a model that cannot be written: the run is lost, the training is not
            log.warn("Run {} of project {} could not be kept", ended.runId(), ended.projectId(), e);
        }
    }

    private static byte[] bytes(RunEnded ended) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ModelFile.write(ended.model(), ended.report().classNames(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
