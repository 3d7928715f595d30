package org.teachbox.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.teachbox.project.ProjectDataRemoved;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.teachbox.engine.Model;
import org.teachbox.engine.ModelFile;
import org.teachbox.project.ProjectService;

import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps each project's latest trained model and its report in the database, so a restart loses
 * nothing. Loaded models are cached in memory, since live webcam preview asks ten times a second:
 * the most recently used ones only, and each use checks the model's time stamp in the database,
 * so a model trained by another server sharing the database is never answered from a stale copy.
 */
@Component
public class ModelStore {

    private static final Logger log = LoggerFactory.getLogger(ModelStore.class);

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final JsonMapper json;
    private final Map<UUID, StoredModel> cache;

    ModelStore(JdbcClient jdbc, ProjectService projects, @Value("${teachbox.models.cached:64}") int cached) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.json = JsonMapper.builder().build();
        this.cache = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, StoredModel> eldest) {
                return size() > Math.max(1, cached);
            }
        });
    }

    @Transactional
    public void save(String owner, UUID projectId, Model model, TrainingReport report) {
        save(owner, projectId, model, report, null);
    }

    /** Makes {@code model} the project's current one; {@code runId} names the run it came from, or null. */
    @Transactional
    public void save(String owner, UUID projectId, Model model, TrainingReport report, UUID runId) {
        projects.project(owner, projectId);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ModelFile.write(model, report.classNames(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // to the database's precision, so the cached copy and the row carry the same stamp
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        jdbc.sql("DELETE FROM trained_model WHERE project_id = ?").param(projectId).update();
        jdbc.sql("INSERT INTO trained_model (project_id, data_version, model, report, trained_at, run_id) VALUES (?, ?, ?, ?, ?, ?)")
                .params(projectId, report.dataVersion(), bytes.toByteArray(), json.writeValueAsString(report),
                        Timestamp.from(now), runId)
                .update();
        cache.put(projectId, new StoredModel(model, report.classNames(), report, now));
    }

    /** The project's trained model, if it has one and {@code owner} owns the project. */
    public Optional<StoredModel> load(String owner, UUID projectId) {
        projects.project(owner, projectId);
        StoredModel cached = cache.get(projectId);
        if (cached != null) {
            Optional<Instant> stored = jdbc.sql("SELECT trained_at FROM trained_model WHERE project_id = ?")
                    .param(projectId).query((rs, n) -> rs.getTimestamp("trained_at").toInstant()).optional();
            if (stored.isPresent() && stored.get().equals(cached.trainedAt())) {
                return Optional.of(cached);
            }
            cache.remove(projectId);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
        }
        return jdbc.sql("SELECT model, report, trained_at FROM trained_model WHERE project_id = ?")
                .param(projectId)
                .query((rs, n) -> read(rs.getBytes("model"), rs.getString("report"),
                        rs.getTimestamp("trained_at").toInstant()))
                .optional()
                .flatMap(o -> o)
                .map(m -> {
                    cache.put(projectId, m);
                    return m;
                });
    }

    /** Whether the images changed since the stored model was trained. */
    public boolean isOutOfDate(String owner, UUID projectId) {
        long current = projects.project(owner, projectId).dataVersion();
        return load(owner, projectId).map(m -> m.report().dataVersion() != current).orElse(false);
    }

    /** The run the current model came from, if it came from a kept run. */
    public Optional<UUID> currentRunId(String owner, UUID projectId) {
        projects.project(owner, projectId);
        return jdbc.sql("SELECT run_id FROM trained_model WHERE project_id = ?").param(projectId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject("run_id", UUID.class)))
                .optional().flatMap(o -> o);
    }

    /** Notes which run the model just saved by training came from. */
    public void linkRun(UUID projectId, UUID runId) {
        jdbc.sql("UPDATE trained_model SET run_id = ? WHERE project_id = ?").params(runId, projectId).update();
    }

    public void forget(UUID projectId) {
        cache.remove(projectId);
    }

    /** A deleted project's model need not stay in memory. */
    @EventListener
    void onProjectDataRemoved(ProjectDataRemoved removed) {
        forget(removed.projectId());
    }

    int cachedModels() {
        return cache.size();
    }

    private Optional<StoredModel> read(byte[] model, String report, Instant trainedAt) {
        try {
            ModelFile.Loaded loaded = ModelFile.read(new ByteArrayInputStream(model));
            TrainingReport parsed = json.readValue(report, TrainingReport.class);
            return Optional.of(new StoredModel(loaded.model(), loaded.classNames(), parsed, trainedAt));
        } catch (IOException | RuntimeException e) {
            log.warn("A stored model could not be read; the project will need training again", e);
            return Optional.empty();
        }
    }

    public record StoredModel(Model model, List<String> classNames, TrainingReport report, Instant trainedAt) {
    }
}
