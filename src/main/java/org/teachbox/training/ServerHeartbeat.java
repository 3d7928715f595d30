/*
 * This server's name and pulse in the shared database. Several Teachbox servers may share one
 * PostgreSQL; each process picks a random id at start and writes the time under it every few
 * seconds. A server not heard from for longer than the silence (30 s by default) is taken to be
 * gone, whether it crashed, lost its network or was switched off, and a clean stop signs off at
 * once. That is how one server can tell a training another one runs from one that was cut off,
 * without ever touching the rows of a server that is still alive.
 */
package org.teachbox.training;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class ServerHeartbeat implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ServerHeartbeat.class);

    private final UUID id = UUID.randomUUID();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration silence;
    private ScheduledExecutorService timer;

    @Autowired
    ServerHeartbeat(JdbcClient jdbc, ServerProperties settings) {
        this(jdbc, Clock.systemUTC(), settings.silence());
        Duration every = settings.heartbeat();
        Duration silence = settings.silence();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "server-heartbeat");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::beatQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        log.info("This server is {} in the database; a server silent for {} s counts as gone", id, silence.toSeconds());
    }

    /** Without a timer: the test calls {@link #beat()} itself and moves the clock. */
    ServerHeartbeat(JdbcClient jdbc, Clock clock, Duration silence) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.silence = silence;
        // servers gone for good need no row: having none means the same as a silent one
        jdbc.sql("DELETE FROM training_server WHERE heard_at < ?").param(aliveSince()).update();
        beat();
    }

    UUID id() {
        return id;
    }

    /** The time, in milliseconds, a server must have been heard from since to count as alive. */
    long aliveSince() {
        return clock.millis() - silence.toMillis();
    }

    void beat() {
        long now = clock.millis();
        // also after a long pause in which another server pruned this one's row
        if (jdbc.sql("UPDATE training_server SET heard_at = ? WHERE id = ?").params(now, id).update() == 0) {
            jdbc.sql("INSERT INTO training_server (id, heard_at) VALUES (?, ?)").params(id, now).update();
        }
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            // the database is away: health says so; the next beat tries again
            log.debug("Heartbeat not written", e);
        }
    }

    /** A clean stop: from now on this server's unfinished trainings count as cut off. */
    void signOff() {
        if (timer != null) {
            timer.shutdownNow();
        }
        try {
            jdbc.sql("DELETE FROM training_server WHERE id = ?").param(id).update();
        } catch (RuntimeException e) {
            log.debug("Could not sign off; other servers will notice the silence", e);
        }
    }

    @Override
    public void destroy() {
        signOff();
    }
}
