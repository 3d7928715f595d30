/*
 * How fast the classic lesson's 400 cat and dog photos arrive, end to end: the built jar on the
 * embedded defaults (H2, a fresh temporary data directory, no backbone unless
 * BENCH_BACKBONE_DIR names one), and headless Chromium driving the real Gather page. 2 × 200
 * generated photo-like JPEGs (about 25 KB each) are dropped onto the two class cards at once; the
 * clock runs from the drop until both cards say "200 images". Last line:
 *   lesson-upload photos=400 seconds=<s> photos_per_second=<r>
 * Named *Bench so neither surefire nor failsafe runs it; bench/lesson-upload.sh does.
 */
package org.teachbox.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class LessonUploadBench {

    private static final Logger log = LoggerFactory.getLogger(LessonUploadBench.class);
    private static final int PER_CLASS = 200;

    private LessonUploadBench() {
    }

    /**
     * The same photos posted straight to the page's upload endpoint by 8 plain HTTP clients, no
     * browser: what the server alone takes, to tell a server limit from a browser one.
     */
    private static double serverOnly(AppProcess app, BrowserContext context, Page page, List<Path> photos)
            throws Exception {
        page.navigate(app.url("/"));
        page.locator("#new-project-name input").fill("Server only");
        page.locator("#create-project").click();
        page.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));
        String endpoint = page.locator("#class-0 vaadin-upload").getAttribute("data-endpoint");
        endpoint = endpoint.startsWith("/") ? endpoint : "/" + endpoint;
        String cookie = context.cookies().stream().map(c -> c.name + "=" + c.value)
                .collect(java.util.stream.Collectors.joining("; "));
        String target = endpoint;
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.atomic.AtomicInteger stored = new java.util.concurrent.atomic.AtomicInteger();
        long start = System.nanoTime();
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        for (Path photo : photos) {
            sent.add(pool.submit(() -> {
                String boundary = "bench" + System.nanoTime();
                byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + photo.getFileName() + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes();
                byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes();
                byte[] body = java.nio.ByteBuffer.allocate(head.length + (int) Files.size(photo) + tail.length)
                        .put(head).put(Files.readAllBytes(photo)).put(tail).array();
                var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url(target)))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Cookie", cookie).header("Origin", app.url(""))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"stored\":true")) {
                    stored.incrementAndGet();
                } else {
                    log.warn("Server-only upload answered {}: {}", answer.statusCode(), answer.body());
                }
                return null;
            }));
        }
        for (var f : sent) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        log.info("Server only: {} of {} stored in {} s", stored.get(), photos.size(), seconds);
        return stored.get() / seconds;
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("teachbox-lesson-upload");
        List<Path> cats = TestImages.photos(work.resolve("cat"), "cat", PER_CLASS, 1);
        List<Path> dogs = TestImages.photos(work.resolve("dog"), "dog", PER_CLASS, 2);
        long bytes = 0;
        for (Path p : cats) {
            bytes += Files.size(p);
        }
        log.info("Generated {} photos, {} KB on average", 2 * PER_CLASS, bytes / cats.size() / 1024);
        String backbone = System.getenv().getOrDefault("BENCH_BACKBONE_DIR", "");
        System.setProperty("teachbox.backbone.dir", backbone);
        try (AppProcess app = AppProcess.start("lesson-upload", work.resolve("data"), work.resolve("server.log"),
                Map.of(), List.of()).awaitHealthy(Duration.ofMinutes(3));
             Playwright playwright = Playwright.create()) {
            Browser browser = Chromium.launch(playwright);
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                    .setViewportSize(1280, 900));
            Page page = context.newPage();
            page.setDefaultTimeout(60_000);
            page.navigate(app.url("/"));
            page.locator("#new-project-name input").fill("Cats and dogs");
            page.locator("#create-project").click();
            page.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));
            page.locator("#class-1 vaadin-upload").waitFor();

            long start = System.nanoTime();
            page.locator("#class-0 vaadin-upload input[type=file]").setInputFiles(cats.toArray(Path[]::new));
            page.locator("#class-1 vaadin-upload input[type=file]").setInputFiles(dogs.toArray(Path[]::new));
            page.waitForFunction("n => [0, 1].every(i => { const c = document.querySelector('#class-' + i + ' .tb-count');"
                            + " return c && c.textContent.trim() === n + ' images'; })", PER_CLASS,
                    new Page.WaitForFunctionOptions().setPollingInterval(50).setTimeout(600_000));
            double seconds = (System.nanoTime() - start) / 1e9;
            String problems = page.locator(".tb-problem").allTextContents().toString();
            if (!problems.equals("[]")) {
                log.warn("Refused on the page: {}", problems);
            }
            double serverOnly = -1;
            try {
                serverOnly = serverOnly(app, context, page, cats);
            } catch (Exception e) {
                log.warn("The server-only part failed", e);
            }
            browser.close();
            System.out.printf(java.util.Locale.ROOT, "lesson-upload-server-only photos=%d photos_per_second=%.1f%n",
                    PER_CLASS, serverOnly);
            System.out.printf(java.util.Locale.ROOT, "lesson-upload photos=%d seconds=%.2f photos_per_second=%.1f%n",
                    2 * PER_CLASS, seconds, 2 * PER_CLASS / seconds);
        }
    }
}
