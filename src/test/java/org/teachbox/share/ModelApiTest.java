package org.teachbox.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.teachbox.prediction.PredictionService;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.samples.SampleProjects;
import org.teachbox.samples.SampleSets;
import org.teachbox.training.OptimizerChoice;
import org.teachbox.training.TrainingEvent;
import org.teachbox.training.TrainingService;
import org.teachbox.training.TrainingSettings;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared-model API over real HTTP against the running app: a shared code answers with the
 * model files and with PredictionService's own probabilities; every refusal is a status code and
 * a JSON message; a project nobody shared cannot be reached; CORS is on for the API only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "teachbox.data-dir=target/test-data/api-${random.uuid}", "teachbox.api.burst=8", "teachbox.api.per-second=0.1"})
class ModelApiTest {

    /** One trained project per test class (and so per database), made by the first test that runs. */
    private static final java.util.Map<Class<?>, Object[]> TRAINED = new java.util.concurrent.ConcurrentHashMap<>();

    private Project trained;
    private String trainedOwner;

    @LocalServerPort
    int port;
    @Autowired
    SampleProjects samples;
    @Autowired
    TrainingService training;
    @Autowired
    ShareService shares;
    @Autowired
    PredictionService predictions;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void trainOnce() throws Exception {
        Object[] known = TRAINED.get(getClass());
        if (known != null) {
            trained = (Project) known[0];
            trainedOwner = (String) known[1];
            return;
        }
        trainedOwner = UUID.randomUUID().toString();
        Project p = samples.create(trainedOwner, "Shapes API", ModelKind.IMAGE, SampleSets.shapes(5, 3), n -> n);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable stop = training.subscribe(p.id(), e -> {
            if (e instanceof TrainingEvent.Finished) {
                done.complete(null);
            } else if (e instanceof TrainingEvent.Failed f) {
                done.completeExceptionally(new AssertionError(f.messageKey()));
            }
        });
        try {
            training.train(trainedOwner, p.id(), new TrainingSettings(2, 16, 0.001, OptimizerChoice.ADAM));
            done.get(3, TimeUnit.MINUTES);
        } finally {
            stop.run();
        }
        trained = p;
        TRAINED.put(getClass(), new Object[] {p, trainedOwner});
    }

    @Test
    void predictAnswersWhatPredictionServiceSaysForARawBodyAndAMultipartForm() throws Exception {
        String code = freshCode();
        byte[] picture = png(SampleSets.shapes(1, 99).classes().get(1).images().get(0));
        float[] expected = predictions.predict(trainedOwner, trained.id(), "p.png", picture).orElseThrow().probabilities();

        HttpResponse<String> raw = send(HttpRequest.newBuilder(api(code, "predict"))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(picture)));
        assertThat(raw.statusCode()).isEqualTo(200);
        assertPredictions(json.readTree(raw.body()), expected);

        String boundary = "teachbox" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"p.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.writeBytes(picture);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> multipart = send(HttpRequest.newBuilder(api(code, "predict"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())));
        assertThat(multipart.statusCode()).isEqualTo(200);
        assertPredictions(json.readTree(multipart.body()), expected);
    }

    @Test
    void aSharedCodeServesTheModelFilesWithTheLabels() throws Exception {
        String code = freshCode();
        HttpResponse<String> metadata = send(HttpRequest.newBuilder(api(code, "metadata.json")).GET());
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(json.readTree(metadata.body()).path("labels").values()).extracting(JsonNode::asString)
                .containsExactly("circle", "square", "triangle");
        HttpResponse<String> model = send(HttpRequest.newBuilder(api(code, "model.json")).GET());
        assertThat(model.statusCode()).isEqualTo(200);
        assertThat(json.readTree(model.body()).path("weightsManifest").get(0).path("paths").get(0).asString())
                .isEqualTo("weights.bin");
        HttpResponse<byte[]> weights = http.send(HttpRequest.newBuilder(api(code, "weights.bin")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(weights.statusCode()).isEqualTo(200);
        assertThat(weights.body().length % 4).isZero();
        assertThat(weights.body().length).isGreaterThan(1000);
    }

    @Test
    void aRevokedCodeOpensNothing() throws Exception {
        String code = freshCode();
        assertThat(send(HttpRequest.newBuilder(api(code, "metadata.json")).GET()).statusCode()).isEqualTo(200);
        shares.revoke(trainedOwner, trained.id());
        for (String file : List.of("model.json", "weights.bin", "metadata.json")) {
            assertJsonError(send(HttpRequest.newBuilder(api(code, file)).GET()), 404);
        }
        assertJsonError(send(HttpRequest.newBuilder(api(code, "predict")).POST(HttpRequest.BodyPublishers.ofString("x"))), 404);
    }

    @Test
    void aProjectNobodySharedCannotBeReached() throws Exception {
        shares.revoke(trainedOwner, trained.id());
        // neither its id nor a made-up code of the right shape opens it
        assertJsonError(send(HttpRequest.newBuilder(api(trained.id().toString(), "model.json")).GET()), 404);
        assertJsonError(send(HttpRequest.newBuilder(api(ShareService.newCode(), "model.json")).GET()), 404);
        assertJsonError(send(HttpRequest.newBuilder(api(ShareService.newCode(), "predict"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(png(SampleSets.shapes(1, 1).classes().get(0).images().get(0))))), 404);
    }

    @Test
    void aBadPictureGetsAJsonReasonAndNoStackTrace() throws Exception {
        String code = freshCode();
        HttpResponse<String> notAPicture = send(HttpRequest.newBuilder(api(code, "predict"))
                .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofString("this is not a picture at all")));
        JsonNode error = assertJsonError(notAPicture, 422);
        assertThat(error.path("message").asString()).contains("not a picture");
        HttpResponse<String> empty = send(HttpRequest.newBuilder(api(code, "predict")).POST(HttpRequest.BodyPublishers.noBody()));
        assertJsonError(empty, 422);
        assertJsonError(send(HttpRequest.newBuilder(api(code, "predict")).GET()), 405);
    }

    @Test
    void aBodyOverTheUploadLimitIsRefusedAs413BeforeItIsRead() throws Exception {
        String code = freshCode();
        // a client announcing 16 MB: the answer comes from the announced length, before the body
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            String head = "POST /api/v1/models/" + code + "/predict HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: image/png\r\nContent-Length: " + (16 * 1024 * 1024) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(new byte[64 * 1024]);
            socket.getOutputStream().flush();
            StringBuilder read = new StringBuilder();
            byte[] buffer = new byte[4096];
            for (int n; read.indexOf("}") < 0 && (n = socket.getInputStream().read(buffer)) > 0; ) {
                read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            String answer = read.toString();
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("application/json").contains("\"error\":\"too_large\"").doesNotContain("Exception");
        }
    }

    /**
     * The README's curl line, exactly as printed (curl then labels the photo as a form), with
     * SERVER and CODE filled in: a small JPEG gets the predictions; a 2.2 MB and a 20 MB body get
     * the documented JSON 413; the server log shows no stack trace for any of them.
     */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void theReadmesCurlExampleWorksAsPrinted(org.springframework.boot.test.system.CapturedOutput log,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String line = java.nio.file.Files.readAllLines(java.nio.file.Path.of("README.md")).stream()
                .filter(l -> l.startsWith("curl ") && l.contains("/predict")).findFirst().orElseThrow();
        assertThat(line).isEqualTo("curl --data-binary @photo.jpg http://SERVER/api/v1/models/CODE/predict");
        String code = freshCode();
        String command = line.replace("SERVER", "localhost:" + port).replace("CODE", code);
        byte[] photo = jpeg(SampleSets.shapes(1, 99).classes().get(1).images().get(0));
        java.nio.file.Files.write(dir.resolve("photo.jpg"), photo);
        float[] expected = predictions.predict(trainedOwner, trained.id(), "photo.jpg", photo).orElseThrow().probabilities();

        String answer = curl(dir, command);
        assertPredictions(json.readTree(answer), expected);

        // padded with zeros after the picture's end: the size is what counts here
        java.nio.file.Files.write(dir.resolve("photo.jpg"), java.util.Arrays.copyOf(photo, 20 * 1024 * 1024));
        assertThat(json.readTree(curl(dir, command)).path("error").asString()).isEqualTo("too_large");
        assertThat(curl(dir, command.replace("curl ", "curl -s -o /dev/null -w '%{http_code}' "))).isEqualTo("413");
        java.nio.file.Files.write(dir.resolve("photo.jpg"), java.util.Arrays.copyOf(photo, 2_200_000));
        assertThat(curl(dir, command.replace("curl ", "curl -s -o /dev/null -w '%{http_code}' ")))
                .as("a 2.2 MB photo is a picture, not a form over the container's limit").isEqualTo("200");
        assertThat(log.getAll()).doesNotContain("\tat org.apache", "Exception:", "ERROR");
    }

    private static String curl(java.nio.file.Path dir, String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command).directory(dir.toFile()).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("curl: " + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        return out;
    }

    @Test
    void aFloodOnOneCodeGets429WhileAnotherCodeStillWorks() throws Exception {
        String code = freshCode();
        int ok = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 12; i++) {
            last = send(HttpRequest.newBuilder(api(code, "metadata.json")).GET());
            if (last.statusCode() == 200) {
                ok++;
            } else {
                break;
            }
        }
        assertThat(ok).as("the burst allowed").isBetween(7, 9);
        assertJsonError(last, 429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void corsIsOnForTheApiAndOffElsewhere() throws Exception {
        String code = freshCode();
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(api(code, "predict"))
                .header("Origin", "https://editor.p5js.org").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
        HttpResponse<String> get = send(HttpRequest.newBuilder(api(code, "metadata.json"))
                .header("Origin", "https://editor.p5js.org").GET());
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).hasValueSatisfying(
                v -> assertThat(v).isIn("*", "https://editor.p5js.org"));
        // the app's own pages and pictures are not for other sites
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Origin", "https://editor.p5js.org").GET());
        assertThat(page.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> sample = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/samples/"
                + UUID.randomUUID())).header("Origin", "https://editor.p5js.org").GET());
        assertThat(sample.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theOpenApiDescriptionCoversTheModelApiOnly() throws Exception {
        HttpResponse<String> docs = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).GET());
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(docs.body()).path("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/models/{code}/predict", "/api/v1/models/{code}/model.json",
                "/api/v1/models/{code}/weights.bin", "/api/v1/models/{code}/metadata.json");
        assertThat(paths.propertyNames()).allMatch(p -> p.startsWith("/api/v1/"));
        assertThat(paths.path("/api/v1/models/{code}/predict").has("post")).isTrue();
    }

    /** A new code for the trained project: revoke whatever code it had, share again. */
    private String freshCode() {
        shares.revoke(trainedOwner, trained.id());
        return shares.share(trainedOwner, trained.id());
    }

    private URI api(String code, String what) {
        return URI.create("http://localhost:" + port + "/api/v1/models/" + code + "/" + what);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode assertJsonError(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).doesNotContain("Exception", "at org.", "at java.");
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("error").asString()).isNotBlank();
        assertThat(body.path("message").asString()).isNotBlank();
        return body;
    }

    private static void assertPredictions(JsonNode answer, float[] expected) {
        JsonNode rows = answer.path("predictions");
        assertThat(rows.size()).isEqualTo(expected.length);
        List<String> names = List.of("circle", "square", "triangle");
        for (int i = 0; i < expected.length; i++) {
            assertThat(rows.get(i).path("className").asString()).isEqualTo(names.get(i));
            assertThat(rows.get(i).path("probability").asDouble()).isCloseTo(expected[i], within(1e-6));
        }
    }

    private static byte[] jpeg(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
