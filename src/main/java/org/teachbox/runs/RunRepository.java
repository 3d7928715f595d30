package org.teachbox.runs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.teachbox.training.TrainingReport;

import tools.jackson.databind.json.JsonMapper;

/** The {@code training_run} table. Callers have checked that the project is the learner's. */
@Repository
class RunRepository {

    private static final String COLUMNS = "id, project_id, number, name, status, augmented, finished_at, "
            + "model IS NOT NULL AS has_model, report";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RunRepository.class);

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    RunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a run, then drops the oldest runs beyond {@code max}: unnamed ones first, never the
     * new one nor those in {@code keep} (the run the current model came from).
     */
    @Transactional
    void insert(UUID id, UUID projectId, TrainingReport report, boolean augmented, byte[] model, int max,
                Collection<UUID> keep) {
        int number = jdbc.sql("SELECT COALESCE(MAX(number), 0) FROM training_run WHERE project_id = ?")
                .param(projectId).query(Integer.class).single() + 1;
        jdbc.sql("INSERT INTO training_run (id, project_id, number, name, status, augmented, data_version, report, "
                        + "model, finished_at) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)")
                .params(id, projectId, number, RunStatus.of(report.status()).name(), augmented, report.dataVersion(),
                        json.writeValueAsString(report), model, Timestamp.from(Instant.now()))
                .update();
        trim(projectId, max, keep, id);
    }

    private void trim(UUID projectId, int max, Collection<UUID> keep, UUID added) {
        List<UUID> droppable = jdbc.sql("SELECT id FROM training_run WHERE project_id = ? "
                        + "ORDER BY CASE WHEN name IS NULL THEN 0 ELSE 1 END, number")
                .param(projectId).query(UUID.class).list().stream()
                .filter(id -> !id.equals(added) && !keep.contains(id)).toList();
        int count = jdbc.sql("SELECT COUNT(*) FROM training_run WHERE project_id = ?").param(projectId)
                .query(Integer.class).single();
        for (int i = 0; i < count - max && i < droppable.size(); i++) {
            jdbc.sql("DELETE FROM training_run WHERE id = ?").param(droppable.get(i)).update();
        }
    }

    /** A project's runs, oldest first. */
    List<Run> list(UUID projectId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM training_run WHERE project_id = ? ORDER BY number")
                .param(projectId).query(this::row).list().stream().filter(java.util.Objects::nonNull).toList();
    }

    Optional<Run> find(UUID projectId, UUID runId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM training_run WHERE project_id = ? AND id = ?")
                .params(projectId, runId).query(this::row).list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    Optional<byte[]> model(UUID projectId, UUID runId) {
        return jdbc.sql("SELECT model FROM training_run WHERE project_id = ? AND id = ? AND model IS NOT NULL")
                .params(projectId, runId).query((rs, n) -> rs.getBytes("model")).optional();
    }

    boolean rename(UUID projectId, UUID runId, String name) {
        return jdbc.sql("UPDATE training_run SET name = ? WHERE project_id = ? AND id = ?")
                .params(name, projectId, runId).update() == 1;
    }

    boolean delete(UUID projectId, UUID runId) {
        return jdbc.sql("DELETE FROM training_run WHERE project_id = ? AND id = ?").params(projectId, runId).update() == 1;
    }

    /** A run whose report cannot be read any more is left out (and logged), not shown half. */
    private Run row(ResultSet rs, int n) throws SQLException {
        TrainingReport report;
        try {
            report = json.readValue(rs.getString("report"), TrainingReport.class);
        } catch (RuntimeException e) {
            log.warn("Run {} has a report that cannot be read; it is not listed", rs.getObject("id"), e);
            return null;
        }
        return new Run(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class), rs.getInt("number"),
                rs.getString("name"), RunStatus.valueOf(rs.getString("status")), rs.getBoolean("augmented"),
                rs.getTimestamp("finished_at").toInstant(), rs.getBoolean("has_model"),
                report);
    }
}
