package org.teachbox.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.Cookie;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teachbox.OnPostgres;
import org.teachbox.PostgresSchema;

/**
 * Two Teachbox servers, as school IT runs them behind a sticky load balancer: two JVMs started
 * from the built jar, each with its own data directory, sharing one PostgreSQL schema. One
 * learner (one owner cookie) uses both through Chromium. What one server saves, the other shows;
 * a model trained on one predicts on the other; trainings run on both; and {@code kill -9} of one
 * loses no acknowledged picture and no finished model, on the other server or after a restart.
 *
 * <p>The tests build on each other (one project, trained, then shared, then the server killed),
 * so they run in order. Server logs: {@code target/two-instances/*.log}, printed on failure.
 */
@OnPostgres
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(TwoInstancesIT.LogsOnFailure.class)
class TwoInstancesIT {

    private static final Logger log = LoggerFactory.getLogger(TwoInstancesIT.class);
    private static final Path DIR = Paths.get("target", "two-instances");
    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final LocatorAssertions.ContainsTextOptions TRAINING =
            new LocatorAssertions.ContainsTextOptions().setTimeout(180_000);

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** One learner on both servers: a well-formed owner token, as the app hands them out. */
    private static final String OWNER = Base64.getUrlEncoder().withoutPadding()
            .encodeToString(java.nio.ByteBuffer.allocate(32).putLong(System.nanoTime()).putDouble(Math.random()).array());

    private static AppProcess a;
    private static AppProcess b;
    private static Playwright playwright;
    private static Browser browser;
    /** A browser per server, so one server's session cookie never reaches the other. */
    private static Page onA;
    private static Page onB;

    private static String shared;
    private static String other;
    private static String shareCode;
    private static String predictionOnA;

    @BeforeAll
    static void startTwoServers() throws Exception {
        deleteTree(DIR);
        Files.createDirectories(DIR);
        try {
            // at the same time: both migrate the empty schema (Flyway locks it), as on a first deploy
            a = start("a");
            b = start("b");
            a.awaitHealthy(STARTUP);
            b.awaitHealthy(STARTUP);
        } catch (Exception | AssertionError e) {
            printLogs();
            throw e;
        }
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
        onA = pageFor(a);
        onB = pageFor(b);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
            if (playwright != null) {
                playwright.close();
            }
        } finally {
            for (AppProcess server : new AppProcess[] {a, b}) {
                if (server != null) {
                    server.close();
                }
            }
        }
    }

    @Test
    @Order(1)
    void aProjectChangedOnOneServerIsSeenOnTheOther() {
        shared = newProject(onA, a, "Two servers");
        rename(onA, 0, "circles");

        onB.navigate(b.url("/project/" + shared));
        assertThat(onB.locator("h1")).hasText("Two servers");
        assertThat(onB.locator("#class-0 .tb-class-name input")).hasValue("circles");
        rename(onB, 1, "squares");

        onA.reload();
        assertThat(onA.locator("#class-1 .tb-class-name input")).hasValue("squares");
    }

    @Test
    @Order(2)
    void trainingsStartedOnBothServersFinish() throws IOException {
        onA.navigate(a.url("/project/" + shared));
        fill(onA, "shared");
        other = newProject(onB, b, "Second");
        rename(onB, 0, "circles");
        rename(onB, 1, "squares");
        fill(onB, "other");

        startTraining(onA, a, shared);
        startTraining(onB, b, other);

        assertThat(onA.locator("#train-verdict")).containsText("Training finished", TRAINING);
        assertThat(onB.locator("#train-verdict")).containsText("Training finished", TRAINING);
    }

    @Test
    @Order(3)
    void aModelTrainedOnOneServerPredictsOnTheOther() throws Exception {
        Path probe = TestImages.shapes(DIR.resolve("probe"), "circle", 1, 99).getFirst();

        // trained on b, asked on a's Preview page
        onA.navigate(a.url("/project/" + other + "/preview"));
        onA.locator("#preview-upload input[type=file]").setInputFiles(probe);
        assertThat(onA.locator("#confidence-bars")).containsText("circles");
        assertThat(onA.locator("#confidence-bars .tb-bar-value").first()).hasText(Pattern.compile("\\d+%"));

        // trained on a, shared on a, asked over REST on both
        onA.navigate(a.url("/project/" + shared + "/preview"));
        onA.locator("#share-model").click();
        assertThat(onA.locator("#share-url input")).hasValue(Pattern.compile(".*/api/v1/models/[A-Za-z0-9_-]+/$"));
        Matcher code = Pattern.compile("/api/v1/models/([A-Za-z0-9_-]+)/$").matcher(onA.locator("#share-url input").inputValue());
        assertThat(code.find()).isTrue();
        shareCode = code.group(1);

        predictionOnA = predict(a, probe);
        assertThat(predictionOnA).contains("\"className\":\"circles\"").contains("\"className\":\"squares\"");
        assertThat(predict(b, probe)).as("the same model, asked on the other server").isEqualTo(predictionOnA);
    }

    @Test
    @Order(4)
    void killingAServerRightAfterPicturesWereAcknowledgedLosesNeitherThemNorTheModel() throws Exception {
        onA.navigate(a.url("/project/" + shared));
        assertThat(onA.locator("#class-0 .tb-count")).hasText("12 images");
        upload(onA, 0, TestImages.shapes(DIR.resolve("late"), "circle", 6, 42));
        // acknowledged: the card counts them, so their rows are committed
        assertThat(onA.locator("#class-0 .tb-count")).hasText("18 images");
        a.kill();

        Path probe = DIR.resolve("probe").resolve("circle-0.png");
        onB.navigate(b.url("/project/" + shared));
        assertThat(onB.locator("#class-0 .tb-count")).hasText("18 images");
        assertThat(onB.locator("#class-0 .tb-thumb-img")).hasCount(18);
        assertThat(predict(b, probe)).as("the model a trained, after a is gone").isEqualTo(predictionOnA);

        a = start("a").awaitHealthy(STARTUP);
        onA.context().close();
        onA = pageFor(a);
        onA.navigate(a.url("/project/" + shared));
        assertThat(onA.locator("#class-0 .tb-count")).hasText("18 images");
        assertThat(onA.locator("#class-1 .tb-count")).hasText("12 images");
        assertThat(predict(a, probe)).as("a, restarted on the same database").isEqualTo(predictionOnA);
    }

    private static AppProcess start(String name) throws IOException {
        Map<String, String> database = Map.of(
                "TEACHBOX_DB_URL", PostgresSchema.urlOf(TwoInstancesIT.class),
                "TEACHBOX_DB_USER", env("TEACHBOX_TEST_DB_USER"),
                "TEACHBOX_DB_PASSWORD", env("TEACHBOX_TEST_DB_PASSWORD"));
        return AppProcess.start(name, DIR.resolve(name + "-data"), DIR.resolve(name + ".log"), database,
                List.of("--spring.profiles.active=postgres", "--teachbox.training.parallel-jobs=1"));
    }

    private static Page pageFor(AppProcess server) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1280, 900));
        context.addCookies(List.of(new Cookie("teachbox_owner", OWNER).setUrl(server.url("/"))));
        Page page = context.newPage();
        page.setDefaultTimeout(30_000);
        return page;
    }

    private static String newProject(Page page, AppProcess server, String name) {
        page.navigate(server.url("/"));
        page.locator("#new-project-name input").fill(name);
        page.locator("#create-project").click();
        page.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));
        return page.url().substring(page.url().lastIndexOf('/') + 1);
    }

    private static void rename(Page page, int index, String name) {
        var field = page.locator("#class-" + index + " .tb-class-name input");
        field.fill(name);
        field.press("Enter");
        settle(page);
    }

    /** Twelve circles and twelve squares on the Gather page shown. */
    private static void fill(Page page, String folder) throws IOException {
        upload(page, 0, TestImages.shapes(DIR.resolve(folder).resolve("c"), "circle", 12, 1));
        upload(page, 1, TestImages.shapes(DIR.resolve(folder).resolve("s"), "square", 12, 2));
        assertThat(page.locator("#class-0 .tb-count")).hasText("12 images");
        assertThat(page.locator("#class-1 .tb-count")).hasText("12 images");
    }

    private static void upload(Page page, int index, List<Path> files) {
        page.locator("#class-" + index + " picture-uploader input[type=file]").setInputFiles(files.toArray(Path[]::new));
    }

    private static void startTraining(Page page, AppProcess server, String project) {
        page.navigate(server.url("/project/" + project + "/train"));
        page.locator("#advanced").click();
        page.locator("#epochs input").fill("10");
        page.locator("#epochs input").press("Tab");
        page.locator("#train-button").click();
    }

    private static String predict(AppProcess server, Path picture) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/models/" + shareCode + "/predict")))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofFile(picture)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("predict on %s: %s", server.name(), r.body()).isEqualTo(200);
        return r.body();
    }

    /** Waits until Vaadin has no round-trip in flight, so the DOM reflects the server. */
    private static void settle(Page page) {
        page.waitForFunction("() => !window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients"
                + " || Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }

    private static void printLogs() {
        for (String name : new String[] {"a", "b"}) {
            Path file = DIR.resolve(name + ".log");
            try {
                List<String> lines = Files.readAllLines(file);
                log.error("Last lines of server {}'s log ({}):\n{}", name, file,
                        String.join("\n", lines.subList(Math.max(0, lines.size() - 300), lines.size())));
            } catch (IOException e) {
                log.error("No log of server {} at {}", name, file);
            }
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A failed step leaves the servers' logs in the build output and a picture of each page. */
    static final class LogsOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            printLogs();
            for (Page page : new Page[] {onA, onB}) {
                if (page != null && !page.isClosed()) {
                    page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(
                            DIR.resolve("FAILED-" + context.getRequiredTestMethod().getName() + "-"
                                    + (page == onA ? "a" : "b") + ".png")));
                }
            }
        }
    }
}
