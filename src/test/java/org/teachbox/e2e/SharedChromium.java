package org.teachbox.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One headless Debian Chromium that many Playwright instances (one per thread, since Playwright
 * objects belong to one thread) join over the DevTools protocol, so a load test with thirty
 * learners runs one browser with thirty contexts rather than thirty browsers. It runs at a lower
 * priority (nice 19 unless -Dbrowser.nice says otherwise), below even the server's own background work.
 */
final class SharedChromium implements AutoCloseable {

    private final Process process;
    private final int port;

    private SharedChromium(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static SharedChromium start(Path profile) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(profile);
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        // Playwright's own launch flags for Chromium (what Chromium.launch gets), plus a DevTools port
        // At nice 19: on a real class the browsers run on the pupils' computers, so here the
        // server gets the cores first and the browsers what is left (the bench reports how much).
        // Chromium raises its own browser and GPU processes' priority and puts renderers back to
        // nice 0 when it may (as root); without CAP_SYS_NICE it may not, and all of it stays low.
        List<String> command = new java.util.ArrayList<>(List.of("nice", "-n", System.getProperty("browser.nice", "19")));
        if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            command.addAll(0, List.of("setpriv", "--inh-caps=-sys_nice", "--bounding-set=-sys_nice"));
        }
        command.addAll(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--disable-field-trial-config",
                "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows",
                "--disable-renderer-backgrounding", "--disable-ipc-flooding-protection", "--disable-hang-monitor",
                "--disable-extensions", "--disable-default-apps", "--disable-popup-blocking", "--disable-prompt-on-repost",
                "--metrics-recording-only", "--no-service-autorun", "--password-store=basic", "--use-mock-keychain",
                "--hide-scrollbars", "--mute-audio", "--no-startup-window", "--enable-automation",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=" + port, "--user-data-dir=" + profile.toAbsolutePath()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        SharedChromium shared = new SharedChromium(process, port);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("chromium exited; see " + profile.resolve("chromium.log"));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(shared.endpoint() + "/json/version"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return shared;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        shared.close();
        throw new IllegalStateException("chromium did not open its DevTools port " + port);
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
