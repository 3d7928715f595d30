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
            browser.close();
            System.out.printf(java.util.Locale.ROOT, "lesson-upload photos=%d seconds=%.2f photos_per_second=%.1f%n",
                    2 * PER_CLASS, seconds, 2 * PER_CLASS / seconds);
        }
    }
}
