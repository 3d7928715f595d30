package org.teachbox.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A server updated to a Teachbox with runs: the model each project had before becomes its first
 * run, linked as the current one, so the run list does not start empty on a trained project.
 */
class RunMigrationTest {

    @TempDir
    Path dir;

    @Test
    void aModelTrainedBeforeRunsExistedBecomesTheProjectsFirstAndCurrentRun() {
        DriverManagerDataSource db = dataSource();
        Flyway.configure().dataSource(db).target("3").load().migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        UUID photos = UUID.randomUUID();
        UUID digits = UUID.randomUUID();
        UUID untrained = UUID.randomUUID();
        for (Object[] p : new Object[][] {{photos, "PRETRAINED"}, {digits, "DIGITS"}, {untrained, "IMAGE"}}) {
            jdbc.sql("INSERT INTO project (id, owner_token, name, model_kind, data_version, created_at) VALUES (?, 'o', 'p', ?, 7, ?)")
                    .params(p[0], p[1], Timestamp.from(Instant.now())).update();
        }
        for (UUID p : new UUID[] {photos, digits}) {
            jdbc.sql("INSERT INTO trained_model (project_id, data_version, model, report, trained_at) VALUES (?, 7, ?, '{}', ?)")
                    .params(p, new byte[] {1, 2, 3}, Timestamp.from(Instant.now())).update();
        }

        Flyway.configure().dataSource(db).load().migrate();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM training_run WHERE project_id = ?").param(untrained)
                .query(Integer.class).single()).isZero();
        for (UUID p : new UUID[] {photos, digits}) {
            assertThat(jdbc.sql("SELECT run_id FROM trained_model WHERE project_id = ?").param(p).query(UUID.class).single())
                    .isEqualTo(p);
            assertThat(jdbc.sql("SELECT number, status, data_version, model FROM training_run WHERE id = ?").param(p)
                    .query((rs, n) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getBytes(4).length)
                    .single()).isEqualTo("1 FINISHED 7 3");
        }
        assertThat(jdbc.sql("SELECT augmented FROM training_run WHERE id = ?").param(photos).query(Boolean.class).single())
                .as("pretrained photos are not augmented").isFalse();
        assertThat(jdbc.sql("SELECT augmented FROM training_run WHERE id = ?").param(digits).query(Boolean.class).single())
                .isTrue();
    }

    DriverManagerDataSource dataSource() {
        return new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("teachbox").toAbsolutePath(), "sa", "");
    }
}
