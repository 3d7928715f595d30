package org.teachbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 14: {@code /actuator/health}, which Docker's HEALTHCHECK and a load balancer ask, tells
 * the truth about the database. The app runs on the postgres profile; the test stops the local
 * cluster and expects DOWN (503), starts it again and expects UP (200) without restarting the app.
 * It stops a real PostgreSQL, so it runs only where {@code TEACHBOX_PG_CONTROL=1} allows it
 * ({@code .ci/run} sets it, with {@code TEACHBOX_PG_CLUSTER}), and it always starts it again.
 */
@OnPostgres
class PostgresHealthIT {

    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    @Test
    void healthIsDownWhilePostgresIsStoppedAndUpAgainWhenItIsBack() throws Exception {
        assumeThat(System.getenv("TEACHBOX_PG_CONTROL")).as("TEACHBOX_PG_CONTROL is not 1; skipping the test that"
                + " stops and restarts the local PostgreSQL (.ci/run allows it)").isEqualTo("1");
        String cluster = System.getenv("TEACHBOX_PG_CLUSTER");
        assertThat(cluster).as("TEACHBOX_PG_CLUSTER, e.g. \"15 main\"").matches("\\S+ \\S+");

        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--teachbox.data-dir=" + dataDir.toAbsolutePath(),
                // short waits for a connection, so health answers within seconds while the database is away
                "--spring.datasource.hikari.connection-timeout=1000",
                "--spring.datasource.hikari.validation-timeout=500"));
        arguments.addAll(List.of(PostgresSchema.arguments(PostgresHealthIT.class)));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TeachboxApplication.class)
                .run(arguments.toArray(String[]::new))) {
            URI health = URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port")
                    + "/actuator/health");
            assertThat(awaitStatus(health, 200).body()).contains("\"UP\"");
            try {
                pgCtlCluster(cluster, "stop");
                assertThat(awaitStatus(health, 503).body()).contains("\"DOWN\"");
            } finally {
                pgCtlCluster(cluster, "start");
            }
            assertThat(awaitStatus(health, 200).body()).contains("\"UP\"");
        }
    }

    private HttpResponse<String> awaitStatus(URI uri, int expected) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        HttpResponse<String> last;
        do {
            last = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (last.statusCode() == expected) {
                return last;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        assertThat(last.statusCode()).as("health after %s, body %s", PATIENCE, last.body()).isEqualTo(expected);
        return last;
    }

    private static void pgCtlCluster(String cluster, String action) throws IOException, InterruptedException {
        String[] versionAndName = cluster.split(" ");
        Process p = new ProcessBuilder("pg_ctlcluster", versionAndName[0], versionAndName[1], action)
                .redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // 2 is "already running": a stop that failed left nothing to start again
        boolean fine = p.exitValue() == 0 || action.equals("start") && p.exitValue() == 2;
        assertThat(fine).as("pg_ctlcluster %s %s exited %d: %s", cluster, action, p.exitValue(), output).isTrue();
    }
}
