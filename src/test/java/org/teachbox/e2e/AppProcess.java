package org.teachbox.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built app as a real server: its own JVM started from {@code target/teachbox-*.jar} with the
 * test's own {@code java}, on a free loopback port, its output in a log file. Unlike a Spring
 * context inside the test's JVM, it can be killed with {@code kill -9} ({@link #kill()}), and
 * two of them share nothing but what they are given, as two servers behind a load balancer do.
 */
final class AppProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AppProcess.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Path logFile;
    private final int port;
    private final Process process;

    private AppProcess(String name, Path logFile, int port, Process process) {
        this.name = name;
        this.logFile = logFile;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts the jar. {@code environment} and {@code arguments} come on top of the port, the data
     * directory and the test backbone; the log goes to {@code logFile}, appended across restarts.
     */
    static AppProcess start(String name, Path dataDir, Path logFile, Map<String, String> environment,
                            List<String> arguments) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("teachbox.app.heap", "768m"), "-XX:+ExitOnOutOfMemoryError", "--add-modules", "jdk.incubator.vector",
                "-Dteachbox.backbone.dir=" + System.getProperty("teachbox.backbone.dir", ""),
                "-jar", jar().toString(),
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--teachbox.data-dir=" + dataDir.toAbsolutePath()));
        String jvmOptions = System.getProperty("teachbox.app.jvm-options", "").trim();
        if (!jvmOptions.isEmpty()) {
            command.addAll(command.indexOf("-jar"), List.of(jvmOptions.split("\\s+")));
        }
        command.addAll(arguments);
        Files.createDirectories(dataDir);
        Files.createDirectories(logFile.getParent());
        Files.writeString(logFile, "=== " + name + " on port " + port + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        log.info("Starting {} on port {}, log {}", name, port, logFile);
        return new AppProcess(name, logFile, port, builder.start());
    }

    /** Waits until {@code /actuator/health} says UP; fails early if the process ends. */
    AppProcess awaitHealthy(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was healthy; see " + logFile);
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not healthy after " + patience + " (last: " + last + "); see " + logFile);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    /** {@code kill -9}: no shutdown hook, no flush, no goodbye to the database. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String logText() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** {@code -Dteachbox.jar=...} picks another build, as a benchmark comparing two builds does. */
    private static Path jar() {
        String chosen = System.getProperty("teachbox.jar");
        if (chosen != null && !chosen.isBlank()) {
            return Paths.get(chosen);
        }
        try (Stream<Path> files = Files.list(Paths.get("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("teachbox-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/teachbox-*.jar: run ./mvnw verify (package comes first)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
