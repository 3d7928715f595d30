package org.teachbox.pretrained;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/get-backbone.sh as a school admin runs it, against a loopback web server that serves
 * the Teachable Machine export the tests keep (the real download comes from Google's storage).
 * The served copy is split into two shards, as TM's hosted model is.
 */
class GetBackboneScriptTest {

    private static final Path EXPORT = TestBackbones.synthetic();

    @TempDir
    Path tmp;

    private HttpServer server;
    private final Map<String, byte[]> files = new HashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void fetchesAShardedModelChecksItAndInstallsIt() throws Exception {
        serveSharded(false);
        Path target = tmp.resolve("data/backbone");
        Result r = run(target);
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("410208 parameters");
        assertThat(target.resolve("model.json")).exists();
        assertThat(target.resolve("group1-shard1of2.bin")).exists();
        assertThat(target.resolve("group1-shard2of2.bin")).exists();
        assertThat(org.teachbox.engine.pretrained.Backbone.load(target).parameterCount()).isEqualTo(410_208);
    }

    @Test
    void aBrokenDownloadIsRefusedAndNothingIsInstalled() throws Exception {
        serveSharded(true);
        Path target = tmp.resolve("data/backbone");
        Result r = run(target);
        assertThat(r.exit).as(r.output).isNotZero();
        assertThat(target).doesNotExist();
    }

    @Test
    void theBuildOnlyWarnsWhenTheServerCannotBeReached() throws Exception {
        Path target = tmp.resolve("data/backbone");
        Result r = run(target, "--build", "http://127.0.0.1:9/model.json");
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("WARNING").contains("small network");
        assertThat(target).doesNotExist();
    }

    @Test
    void anOfflineBuildTriesOnceAndThenSaysHowToRetry() throws Exception {
        serveSharded(false);
        Path target = tmp.resolve("data/backbone");
        String missing = "http://127.0.0.1:" + server.getAddress().getPort() + "/gone/model.json";
        Result first = run(target, "--build", missing);
        assertThat(first.exit).as(first.output).isZero();
        int asked = requests.get();
        assertThat(asked).isPositive();

        Result second = run(target, "--build", missing);
        assertThat(second.exit).as(second.output).isZero();
        assertThat(second.output).contains("not trying again").contains("scripts/get-backbone.sh");
        assertThat(requests.get()).as("the second build did not go to the network").isEqualTo(asked);

        Result byHand = run(target);
        assertThat(byHand.exit).as(byHand.output).isZero();
        assertThat(target.resolve("model.json")).exists();
        assertThat(run(target, "--build", missing).output).doesNotContain("not trying again");
    }

    /** Serves model.json with its weights cut into two shard files; "broken" truncates the last one. */
    private void serveSharded(boolean broken) throws IOException {
        String json = Files.readString(EXPORT.resolve("model.json"));
        String paths = json.replaceAll("(?s).*\"paths\"\\s*:\\s*\\[([^\\]]*)\\].*", "$1").trim();
        assertThat(paths).as("a Teachable Machine export has one weights file").isEqualTo("\"weights.bin\"");
        byte[] weights = Files.readAllBytes(EXPORT.resolve("weights.bin"));
        int half = weights.length / 8 * 4;
        files.put("/m/model.json", json.replaceFirst("\"paths\"\\s*:\\s*\\[[^\\]]*\\]",
                "\"paths\": [\"group1-shard1of2.bin\", \"group1-shard2of2.bin\"]").getBytes(StandardCharsets.UTF_8));
        files.put("/m/group1-shard1of2.bin", Arrays.copyOfRange(weights, 0, half));
        files.put("/m/group1-shard2of2.bin", Arrays.copyOfRange(weights, half, broken ? weights.length - 100 : weights.length));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = files.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    private Result run(Path target) throws Exception {
        return run(target, null, "http://127.0.0.1:" + server.getAddress().getPort() + "/m/model.json");
    }

    private Result run(Path target, String flag, String url) throws Exception {
        ProcessBuilder pb = flag == null
                ? new ProcessBuilder("bash", "scripts/get-backbone.sh", target.toString())
                : new ProcessBuilder("bash", "scripts/get-backbone.sh", flag, target.toString());
        pb.environment().put("TEACHBOX_BACKBONE_URL", url);
        pb.environment().remove("TEACHBOX_BACKBONE_DIR");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }

    private record Result(int exit, String output) {
    }
}
