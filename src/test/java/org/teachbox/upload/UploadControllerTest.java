/*
 * The picture upload endpoint over real HTTP against the running app: several files in one
 * request each get their own answer (stored, or refused with a sentence naming the file, in the
 * page's language); the limits of the page's old path still hold (byte limit, full class); a class
 * of another browser is not there (404); and a POST from another site's page is refused (403),
 * with no CSRF token needed from our own page.
 */
package org.teachbox.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.teachbox.project.ImageClass;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectService;
import org.teachbox.project.Shelf;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "teachbox.data-dir=target/test-data/upload-${random.uuid}", "teachbox.upload.max-bytes=60000",
        "teachbox.limits.max-images-per-class=4", "teachbox.limits.max-classes=12"})
class UploadControllerTest {

    @LocalServerPort
    int port;
    @Autowired
    ProjectService projects;
    @Autowired
    UploadFeed feed;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private String cookie;
    private String owner;
    private UUID cats;
    private UUID dogs;

    @BeforeEach
    void aBrowserWithAProject() throws Exception {
        HttpResponse<Void> first = http.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.discarding());
        cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        owner = cookie.substring(cookie.indexOf('=') + 1);
        Project p = projects.create(owner, "Pets", ModelKind.IMAGE, List.of("cats", "dogs"));
        List<ImageClass> classes = projects.classes(owner, p.id());
        cats = classes.get(0).id();
        dogs = classes.get(1).id();
    }

    @Test
    void eachFileOfARequestGetsItsOwnAnswerAndTheGoodOnesAreStored() throws Exception {
        HttpResponse<String> r = post("/upload/" + cats, origin(), cookie, Map.of(
                "a.jpg", jpeg(1), "notes.txt", "milk, eggs".getBytes(), "b.jpg", jpeg(2), "empty.png", new byte[0]));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode files = json.readTree(r.body()).get("files");
        assertThat(files).hasSize(4);
        assertThat(answer(files, "a.jpg").get("stored").booleanValue()).isTrue();
        assertThat(answer(files, "b.jpg").get("stored").booleanValue()).isTrue();
        assertThat(answer(files, "notes.txt").get("stored").booleanValue()).isFalse();
        assertThat(answer(files, "notes.txt").get("reason").asString()).contains("notes.txt").contains("not a picture");
        assertThat(answer(files, "empty.png").get("reason").asString()).contains("empty.png").contains("empty");
        UUID stored = UUID.fromString(answer(files, "a.jpg").get("id").asString());
        assertThat(projects.recentSampleIds(owner, cats, 10)).hasSize(2).contains(stored);
    }

    @Test
    void aBatchOfFilesIsAnsweredInTheOrderSentAndABrokenOneDoesNotSpoilTheOthers() throws Exception {
        byte[] good = jpeg(6);
        byte[] cut = java.util.Arrays.copyOf(good, good.length / 3);
        // two files of the same name, as from two folders: only their place tells them apart
        HttpResponse<String> r = post("/upload/" + cats, origin(), cookie, List.of(
                Map.entry("photo.jpg", good), Map.entry("photo.jpg", cut), Map.entry("b.jpg", jpeg(7)),
                Map.entry("c.jpg", jpeg(8))));

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode files = json.readTree(r.body()).get("files");
        assertThat(files).hasSize(4);
        assertThat(files.get(0).get("stored").booleanValue()).isTrue();
        assertThat(files.get(1).get("stored").booleanValue()).isFalse();
        assertThat(files.get(1).get("reason").asString()).contains("photo.jpg").contains("broken");
        assertThat(files.get(2).get("name").asString()).isEqualTo("b.jpg");
        assertThat(files.get(2).get("stored").booleanValue()).isTrue();
        assertThat(files.get(3).get("stored").booleanValue()).isTrue();
        List<UUID> ids = List.of(UUID.fromString(files.get(0).get("id").asString()),
                UUID.fromString(files.get(2).get("id").asString()), UUID.fromString(files.get(3).get("id").asString()));
        assertThat(projects.recentSampleIds(owner, cats, 10)).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aRequestWithNoFileIsAnsweredWithNoFiles() throws Exception {
        HttpResponse<String> r = post("/upload/" + cats, origin(), cookie, List.of());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json.readTree(r.body()).get("files")).isEmpty();
    }

    @Test
    void refusalsAreSaidInThePagesLanguage() throws Exception {
        HttpResponse<String> r = post("/upload/" + cats + "?lang=zh-TW", origin(), cookie, Map.of("notes.txt", "x".getBytes()));

        String reason = answer(json.readTree(r.body()).get("files"), "notes.txt").get("reason").asString();
        assertThat(reason).contains("notes.txt").doesNotContain("not a picture").containsPattern("\\p{IsHan}");
    }

    @Test
    void theByteLimitAndAFullClassStillApplyAndAFullClassStillNamesTheFile() throws Exception {
        byte[] big = new byte[70_000];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        for (int i = 0; i < 3; i++) {
            projects.addSample(owner, cats, jpeg(10 + i), "image/jpeg");
        }
        HttpResponse<String> r = post("/upload/" + cats, origin(), cookie, Map.of("huge.jpg", big, "last.jpg", jpeg(3)));
        JsonNode files = json.readTree(r.body()).get("files");
        assertThat(answer(files, "huge.jpg").get("reason").asString()).contains("huge.jpg").contains("too big");
        assertThat(answer(files, "last.jpg").get("stored").booleanValue()).isTrue();

        HttpResponse<String> full = post("/upload/" + cats, origin(), cookie, Map.of("one-more.jpg", jpeg(4)));
        JsonNode answer = answer(json.readTree(full.body()).get("files"), "one-more.jpg");
        assertThat(answer.get("stored").booleanValue()).isFalse();
        assertThat(answer.get("reason").asString()).startsWith("“one-more.jpg”").contains("4 images");
    }

    @Test
    void testPicturesLandOnTheirOwnShelf() throws Exception {
        post("/upload/" + dogs + "?shelf=test", origin(), cookie, Map.of("t.jpg", jpeg(5)));

        assertThat(projects.recentSampleIds(owner, dogs, Shelf.TEST, 10)).hasSize(1);
        assertThat(projects.recentSampleIds(owner, dogs, Shelf.TRAINING, 10)).isEmpty();
    }

    @Test
    void aClassOfAnotherBrowserIsNotThereAndNothingIsStored() throws Exception {
        String stranger = http.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        assertThat(post("/upload/" + cats, origin(), stranger, Map.of("a.jpg", jpeg(1))).statusCode()).isEqualTo(404);
        assertThat(post("/upload/" + UUID.randomUUID(), origin(), cookie, Map.of("a.jpg", jpeg(1))).statusCode()).isEqualTo(404);
        assertThat(post("/upload/not-a-uuid", origin(), cookie, Map.of("a.jpg", jpeg(1))).statusCode()).isEqualTo(404);
        assertThat(projects.recentSampleIds(owner, cats, 10)).isEmpty();
    }

    @Test
    void aPostFromAnotherSitesPageIsRefusedAndOurOwnNeedsNoCsrfToken() throws Exception {
        assertThat(post("/upload/" + cats, "http://evil.example", cookie, Map.of("a.jpg", jpeg(1))).statusCode()).isEqualTo(403);
        assertThat(post("/upload/" + cats, null, cookie, Map.of("a.jpg", jpeg(1))).statusCode()).isEqualTo(403);
        assertThat(post("/upload/" + cats, "http://localhost:" + (port + 1), cookie, Map.of("a.jpg", jpeg(1))).statusCode())
                .isEqualTo(403);
        assertThat(projects.recentSampleIds(owner, cats, 10)).isEmpty();

        assertThat(post("/upload/" + cats, origin(), cookie, Map.of("a.jpg", jpeg(1))).statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenPageHearsOnlyItsOwnersUploads() throws Exception {
        List<UploadFeed.Arrived> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        String key = UploadFeed.newKey();
        feed.listen(key, owner, heard::add);
        String otherKey = UploadFeed.newKey();
        List<UploadFeed.Arrived> overheard = new java.util.concurrent.CopyOnWriteArrayList<>();
        feed.listen(otherKey, "someone-else", overheard::add);
        try {
            post("/upload/" + cats + "?to=" + key, origin(), cookie, Map.of("a.jpg", jpeg(1), "bad.txt", "x".getBytes()));
            post("/upload/" + cats + "?to=" + otherKey, origin(), cookie, Map.of("b.jpg", jpeg(2)));
        } finally {
            feed.stop(key);
            feed.stop(otherKey);
        }
        assertThat(heard).extracting(UploadFeed.Arrived::fileName).containsExactlyInAnyOrder("a.jpg", "bad.txt");
        assertThat(heard).filteredOn(a -> a.outcome().stored()).hasSize(1);
        assertThat(overheard).isEmpty();
    }

    private static JsonNode answer(JsonNode files, String name) {
        for (JsonNode f : files) {
            if (f.get("name").asString().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no answer for " + name + " in " + files);
    }

    private String origin() {
        return "http://localhost:" + port;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> post(String path, String origin, String cookie, Map<String, byte[]> files) throws Exception {
        return post(path, origin, cookie, new ArrayList<>(files.entrySet()));
    }

    /** One multipart request with a {@code file} part for each entry, in this order. */
    private HttpResponse<String> post(String path, String origin, String cookie, List<Map.Entry<String, byte[]>> files)
            throws Exception {
        String boundary = "----teachbox" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> f : files) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + f.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(f.getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] jpeg(int seed) throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(seed);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
