/*
 * How fast the classic lesson's 400 cat and dog photos arrive, end to end: the built jar on the
 * embedded defaults (H2, a fresh temporary data directory, no backbone unless
 * BENCH_BACKBONE_DIR names one), and headless Chromium driving the real Gather page. 2 × 200
 * generated photo-like JPEGs (about 25 KB each) are dropped onto the two class cards at once; the
 * clock runs from the drop until both cards say "200 images". Then the same photos go straight to
 * the endpoint without a browser, one per request and 16 per request. Last line:
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
    private static final String UPLOADER = "picture-uploader";

    /** JAR= may name a build from before the picture uploader, when cards still had vaadin-upload. */
    private static String uploader(Page page) {
        return page.locator("#class-0 vaadin-upload").count() > 0 ? "vaadin-upload" : UPLOADER;
    }

    private LessonUploadBench() {
    }

    /**
     * The same photos posted straight to the page's upload endpoint by plain HTTP clients, no
     * browser: what the server alone takes, to tell a server limit from a browser one. One file per
     * request from 8 clients, or the page's own shape (several files per request, a few at once).
     */
    private static double serverOnly(AppProcess app, BrowserContext context, Page page, List<Path> photos,
                                     int filesPerRequest, int clients) throws Exception {
        page.navigate(app.url("/"));
        page.locator("#new-project-name input").fill("Server only");
        page.locator("#create-project").click();
        page.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));
        page.locator("#class-0 .tb-sources").waitFor();
        String uploader = uploader(page);
        String endpoint = page.locator("#class-0 " + uploader)
                .getAttribute(uploader.equals(UPLOADER) ? "endpoint" : "data-endpoint");
        endpoint = endpoint.startsWith("/") ? endpoint : "/" + endpoint;
        String cookie = context.cookies().stream().map(c -> c.name + "=" + c.value)
                .collect(java.util.stream.Collectors.joining("; "));
        String target = endpoint;
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        java.util.concurrent.atomic.AtomicInteger stored = new java.util.concurrent.atomic.AtomicInteger();
        long start = System.nanoTime();
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        for (int from = 0; from < photos.size(); from += filesPerRequest) {
            List<Path> batch = photos.subList(from, Math.min(photos.size(), from + filesPerRequest));
            sent.add(pool.submit(() -> {
                String boundary = "bench" + System.nanoTime();
                java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
                for (Path photo : batch) {
                    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + photo.getFileName() + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes());
                    body.write(Files.readAllBytes(photo));
                    body.write("\r\n".getBytes());
                }
                body.write(("--" + boundary + "--\r\n").getBytes());
                var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url(target)))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Cookie", cookie).header("Origin", app.url(""))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                int ok = answer.body().split("\"stored\":true", -1).length - 1;
                stored.addAndGet(answer.statusCode() == 200 ? ok : 0);
                if (answer.statusCode() != 200 || ok < batch.size()) {
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
        log.info("Server only, {} per request from {} clients: {} of {} stored in {} s", filesPerRequest, clients,
                stored.get(), photos.size(), seconds);
        return stored.get() / seconds;
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("teachbox-lesson-upload");
        // BENCH_PHOTO_SIZE=512x384: phone-sized photos instead of the lesson's 320 x 240
        String[] size = System.getenv().getOrDefault("BENCH_PHOTO_SIZE", "320x240").split("x");
        int width = Integer.parseInt(size[0]), height = Integer.parseInt(size[1]);
        List<Path> cats = TestImages.photos(work.resolve("cat"), "cat", PER_CLASS, 1, width, height);
        List<Path> dogs = TestImages.photos(work.resolve("dog"), "dog", PER_CLASS, 2, width, height);
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
            page.locator("#class-1 .tb-sources").waitFor();
            String uploader = uploader(page);

            String shape = System.getenv().getOrDefault("BENCH_UPLOAD_SHAPE", "");
            if (shape.matches("\\d+,\\d+") && uploader.equals(UPLOADER)) {
                // files per request, requests in flight: to try other shapes without a new build
                page.evaluate("s => document.querySelectorAll('picture-uploader').forEach(u => {"
                        + " u.filesPerRequest = +s.split(',')[0]; u.requestsInFlight = +s.split(',')[1]; })", shape);
                log.info("Upload shape (files per request, requests in flight): {}", shape);
            }
            long start = System.nanoTime();
            page.locator("#class-0 " + uploader + " input[type=file]").setInputFiles(cats.toArray(Path[]::new));
            page.locator("#class-1 " + uploader + " input[type=file]").setInputFiles(dogs.toArray(Path[]::new));
            page.waitForFunction("n => [0, 1].every(i => { const c = document.querySelector('#class-' + i + ' .tb-count');"
                            + " return c && c.textContent.trim() === n + ' images'; })", PER_CLASS,
                    new Page.WaitForFunctionOptions().setPollingInterval(50).setTimeout(600_000));
            double seconds = (System.nanoTime() - start) / 1e9;
            String problems = page.locator(".tb-problem").allTextContents().toString();
            if (!problems.equals("[]")) {
                log.warn("Refused on the page: {}", problems);
            }
            double serverOnly = -1;
            double batched = -1;
            try {
                serverOnly = serverOnly(app, context, page, cats, 1, 8);
                batched = serverOnly(app, context, page, dogs, 16, 3);
            } catch (Exception e) {
                log.warn("The server-only part failed", e);
            }
            browser.close();
            System.out.printf(java.util.Locale.ROOT, "lesson-upload-server-only photos=%d photos_per_second=%.1f%n",
                    PER_CLASS, serverOnly);
            System.out.printf(java.util.Locale.ROOT,
                    "lesson-upload-server-batched photos=%d files_per_request=16 clients=3 photos_per_second=%.1f%n",
                    PER_CLASS, batched);
            System.out.printf(java.util.Locale.ROOT, "lesson-upload photos=%d seconds=%.2f photos_per_second=%.1f%n",
                    2 * PER_CLASS, seconds, 2 * PER_CLASS / seconds);
        }
    }
}
