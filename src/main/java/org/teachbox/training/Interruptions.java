/*
 * Remembers, in the database, which projects have a training under way and on which server.
 * Training jobs live in the memory of the server that runs them, so a restart or a crash (an
 * update, the caretaker's power switch) ends them silently; a row whose server is gone is how the
 * Train page can say so afterwards, on any server, instead of showing an old model as if nothing
 * had happened. A server is gone when it signed off or has been silent too long (see
 * {@link ServerHeartbeat}), so a server that starts never cuts off another one's trainings.
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

    /**
     * Rows of trainings that were cut off: marked so by a server before servers had ids, or
     * belonging to a server not heard from since the time given as the last parameter.
     */
    private static final String CUT_OFF = "(t.interrupted = TRUE OR NOT EXISTS (SELECT 1 FROM training_server s"
            + " WHERE s.id = t.server_id AND s.heard_at >= ?))";

    private final JdbcClient jdbc;
    private final ServerHeartbeat server;

    Interruptions(JdbcClient jdbc, ServerHeartbeat server) {
        this.jdbc = jdbc;
        this.server = server;
        long cutOff = jdbc.sql("SELECT COUNT(*) FROM training_in_progress t WHERE " + CUT_OFF)
                .param(server.aliveSince()).query(Long.class).single();
        if (cutOff > 0) {
            log.info("{} training(s) were cut off by a server that stopped; their learners will be told", cutOff);
        }
    }

    void started(UUID projectId) {
        try {
            jdbc.sql("DELETE FROM training_in_progress WHERE project_id = ?").param(projectId).update();
            jdbc.sql("INSERT INTO training_in_progress (project_id, started_at, interrupted, server_id) VALUES (?, ?, FALSE, ?)")
                    .params(projectId, Timestamp.from(Instant.now()), server.id()).update();
        } catch (RuntimeException e) {
            // A deleted project, or the database away: the training itself can still run.
            log.debug("Could not note the training of {} as started", projectId, e);
        }
    }

    void ended(UUID projectId) {
        try {
            // only this server's row: another server may have started the project's next training
            jdbc.sql("DELETE FROM training_in_progress WHERE project_id = ? AND server_id = ?")
                    .params(projectId, server.id()).update();
        } catch (RuntimeException e) {
            log.debug("Could not note the training of {} as ended", projectId, e);
        }
    }

    /**
     * True when this project's last training was cut off, by a restart or by its server going
     * away, and nothing has run since.
     */
    public boolean wasInterrupted(UUID projectId) {
        return jdbc.sql("SELECT COUNT(*) FROM training_in_progress t WHERE t.project_id = ? AND " + CUT_OFF)
                .params(projectId, server.aliveSince()).query(Long.class).single() > 0;
    }
}
