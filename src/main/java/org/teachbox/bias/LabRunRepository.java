package org.teachbox.bias;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.teachbox.training.Purpose;
import org.teachbox.training.TestResult;
import org.teachbox.training.TrainingReport;

import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code lab_run} table: one row per project and purpose, replaced by the next run of that
 * purpose. Reports are the same JSON {@code training_run} keeps. Callers have checked ownership.
 */
@Repository
class LabRunRepository {

    private static final Logger log = LoggerFactory.getLogger(LabRunRepository.class);

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    LabRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void save(LabRun run) {
        jdbc.sql("DELETE FROM lab_run WHERE project_id = ? AND purpose = ?")
                .params(run.projectId(), run.purpose().name()).update();
        jdbc.sql("INSERT INTO lab_run (id, project_id, purpose, experiment, recipe, report, test_result, finished_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(run.id(), run.projectId(), run.purpose().name(), run.experiment().name(),
                        json.writeValueAsString(run.recipe()), json.writeValueAsString(run.report()),
                        run.test() == null ? null : json.writeValueAsString(run.test()),
                        Timestamp.from(run.finishedAt()))
                .update();
    }

    List<LabRun> list(UUID projectId) {
        return jdbc.sql("SELECT * FROM lab_run WHERE project_id = ? ORDER BY finished_at")
                .param(projectId).query(this::row).list().stream().filter(Objects::nonNull).toList();
    }

    void delete(UUID projectId, Collection<Purpose> purposes) {
        for (Purpose purpose : purposes) {
            jdbc.sql("DELETE FROM lab_run WHERE project_id = ? AND purpose = ?").params(projectId, purpose.name()).update();
        }
    }

    /** A row that cannot be read any more (a report from a future version) is left out and logged. */
    private LabRun row(ResultSet rs, int n) throws SQLException {
        try {
            String test = rs.getString("test_result");
            return new LabRun(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                    Purpose.valueOf(rs.getString("purpose")), LabExperiment.valueOf(rs.getString("experiment")),
                    json.readValue(rs.getString("recipe"), LabRecipe.class),
                    json.readValue(rs.getString("report"), TrainingReport.class),
                    test == null ? null : json.readValue(test, TestResult.class),
                    rs.getTimestamp("finished_at").toInstant());
        } catch (RuntimeException e) {
            log.warn("Lab run {} cannot be read; it is not shown", rs.getObject("id"), e);
            return null;
        }
    }
}
