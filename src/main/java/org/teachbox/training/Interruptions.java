/*
 * Remembers, in the database, which projects have a training under way. Training jobs live in
 * memory, so a restart (a crash, an update, the caretaker's power switch) ends them silently;
 * a row left from before the restart is how the Train page can say so afterwards, instead of
 * showing an old model as if nothing had happened.
 */
package org.teachbox.training;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
public class Interruptions {

    private static final Logger log = LoggerFactory.getLogger(Interruptions.class);

    private final JdbcClient jdbc;

    Interruptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
        int cutOff = jdbc.sql("UPDATE training_in_progress SET interrupted = TRUE WHERE interrupted = FALSE").update();
        if (cutOff > 0) {
            log.info("{} training(s) were cut off by the last shutdown; their learners will be told", cutOff);
        }
    }

    void started(UUID projectId) {
        try {
            jdbc.sql("DELETE FROM training_in_progress WHERE project_id = ?").param(projectId).update();
            jdbc.sql("INSERT INTO training_in_progress (project_id, started_at, interrupted) VALUES (?, ?, FALSE)")
                    .param(projectId).param(Timestamp.from(Instant.now())).update();
        } catch (RuntimeException e) {
            // A deleted project, or the database away: the training itself can still run.
            log.debug("Could not note the training of {} as started", projectId, e);
        }
    }

    void ended(UUID projectId) {
        try {
            jdbc.sql("DELETE FROM training_in_progress WHERE project_id = ? AND interrupted = FALSE").param(projectId).update();
        } catch (RuntimeException e) {
            log.debug("Could not note the training of {} as ended", projectId, e);
        }
    }

    /** True when this project's last training was cut off by a restart and nothing has run since. */
    public boolean wasInterrupted(UUID projectId) {
        return jdbc.sql("SELECT COUNT(*) FROM training_in_progress WHERE project_id = ? AND interrupted = TRUE")
                .param(projectId).query(Long.class).single() > 0;
    }
}
