package org.teachbox.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two servers on one database, each with its own {@link Interruptions}: a server that starts
 * leaves the other's running trainings alone; a server that stops cleanly, or goes silent for
 * longer than the silence, has its unfinished trainings counted as cut off by everyone.
 */
class InterruptionsTest {

    private static final Duration SILENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();
    private JdbcClient jdbc;

    @BeforeEach
    void migrate() {
        DriverManagerDataSource db = dataSource();
        Flyway.configure().dataSource(db).load().migrate();
        jdbc = JdbcClient.create(db);
    }

    @Test
    void aServerThatStartsLeavesTheTrainingsOfAServerStillRunningAlone() {
        Server a = new Server();
        UUID project = project();
        a.interruptions.started(project);

        Server b = new Server();

        assertThat(b.interruptions.wasInterrupted(project)).as("seen from the server that just started").isFalse();
        assertThat(a.interruptions.wasInterrupted(project)).as("seen from the server training it").isFalse();
    }

    @Test
    void aServerSilentForLongerThanTheSilenceHasItsTrainingsCountedAsCutOff() {
        Server a = new Server();
        Server b = new Server();
        UUID project = project();
        a.interruptions.started(project);

        clock.advance(SILENCE.minusSeconds(5));
        b.heartbeat.beat();
        assertThat(b.interruptions.wasInterrupted(project)).as("a is late, but not silent yet").isFalse();

        clock.advance(Duration.ofSeconds(10));
        b.heartbeat.beat();
        assertThat(b.interruptions.wasInterrupted(project)).as("a silent for 35 s").isTrue();

        a.heartbeat.beat();
        assertThat(b.interruptions.wasInterrupted(project)).as("a heard from again: it was only slow").isFalse();
    }

    @Test
    void aServerThatStopsCleanlyHasItsTrainingsCountedAsCutOffAtOnce() {
        Server a = new Server();
        UUID project = project();
        a.interruptions.started(project);

        a.heartbeat.signOff();
        Server restarted = new Server();

        assertThat(restarted.interruptions.wasInterrupted(project)).isTrue();
    }

    @Test
    void theNextTrainingOnAnyServerClearsTheNoticeAndOnlyItsOwnServerEndsIt() {
        Server a = new Server();
        Server b = new Server();
        UUID project = project();
        a.interruptions.started(project);
        a.heartbeat.signOff();
        assertThat(b.interruptions.wasInterrupted(project)).isTrue();

        b.interruptions.started(project);
        assertThat(b.interruptions.wasInterrupted(project)).as("while b trains it").isFalse();
        a.interruptions.ended(project);
        assertThat(rows(project)).as("a's late end leaves b's training noted").isEqualTo(1);

        b.interruptions.ended(project);
        assertThat(rows(project)).isZero();
        assertThat(b.interruptions.wasInterrupted(project)).isFalse();
    }

    @Test
    void aTrainingNotedBeforeServersHadIdsCountsAsCutOff() {
        UUID project = project();
        // as V6 left it: a row without a server, from the one server that has restarted since
        jdbc.sql("INSERT INTO training_in_progress (project_id, started_at, interrupted) VALUES (?, ?, FALSE)")
                .params(project, Timestamp.from(Instant.now())).update();

        assertThat(new Server().interruptions.wasInterrupted(project)).isTrue();
    }

    @Test
    void aStartingServerForgetsServersLongGoneButNotLiveOnes() {
        Server a = new Server();
        Server gone = new Server();
        gone.heartbeat.signOff();
        Server silent = new Server();
        clock.advance(SILENCE.plusSeconds(1));
        a.heartbeat.beat();

        new Server();

        assertThat(jdbc.sql("SELECT id FROM training_server").query(UUID.class).list())
                .contains(a.heartbeat.id()).doesNotContain(gone.heartbeat.id(), silent.heartbeat.id());
    }

    private UUID project() {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO project (id, owner_token, name, model_kind, data_version, created_at) VALUES (?, 'o', 'p', 'IMAGE', 1, ?)")
                .params(id, Timestamp.from(Instant.now())).update();
        return id;
    }

    private int rows(UUID project) {
        return jdbc.sql("SELECT COUNT(*) FROM training_in_progress WHERE project_id = ?").param(project)
                .query(Integer.class).single();
    }

    DriverManagerDataSource dataSource() {
        return new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("teachbox").toAbsolutePath(), "sa", "");
    }

    /** One server's view of the shared database: its pulse and its interruptions. */
    private final class Server {
        final ServerHeartbeat heartbeat = new ServerHeartbeat(jdbc, clock, SILENCE);
        final Interruptions interruptions = new Interruptions(jdbc, heartbeat);
    }

    /** A clock the test moves by hand, so silence needs no waiting. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
