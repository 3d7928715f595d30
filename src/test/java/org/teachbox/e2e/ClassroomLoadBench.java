/*
 * A class on one server, through the real UI: the built jar on the embedded defaults (H2 in a
 * fresh temporary data directory) and N learners, each on its own thread. -Ddriver=wire plays
 * them with WireLearner, a client of Vaadin's own protocol (the same pages, push and upload
 * endpoints, a few percent of the CPU); -Ddriver=browser plays each as a browser context of its
 * own driven by Playwright, all in one shared Chromium (a tab each, its own cookies), as a
 * school's lab has one browser per pupil. All learners start together, and each one
 *   creates a project (-Dkind=pretrained, the default kind, or image for the small network),
 *   adds a third class and uploads 3 × 30 photo-like JPEGs of its own,
 *   presses Train (the default settings) and waits for the verdict, opening and closing
 *   "Advanced" every 2 s meanwhile,
 *   previews 10 new pictures one after another, waiting for each answer,
 *   opens Gather again and reads its counts back.
 * Round trips are every request the page makes to the server's UI endpoint (Vaadin's
 * `?v-r=uidl`) once all pages are open and the lesson starts, timed from sending to the answer:
 * in the page for browsers, in WireSession for the wire driver. Last line:
 *   students=<N> last_verdict_s=<s> ui_p95_ms=<ms> errors=<n> lost=<n>
 * where last_verdict_s runs from the last learner's Train click to the last verdict, and lost
 * counts pictures a card had acknowledged that are missing when Gather is opened again.
 * A line before it says how much CPU the server and the driver (this JVM, Playwright's drivers
 * and the browsers) used during the run. Named *Bench so no test phase runs it;
 * bench/classroom-load.sh does.
 */
package org.teachbox.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teachbox.e2e.wire.WireLearner;

public final class ClassroomLoadBench {

    private static final Logger log = LoggerFactory.getLogger(ClassroomLoadBench.class);
    private static final int CLASSES = 3;
    private static final int PER_CLASS = 30;
    private static final int PREVIEWS = 10;
    /** In every page: the duration of each finished request to Vaadin's UI endpoint. */
    private static final String ROUND_TRIPS = """
            window.__tbRoundTrips = [];
            const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
            XMLHttpRequest.prototype.open = function (method, url, ...rest) {
              this.__tbUidl = String(url).includes('v-r=uidl');
              return open.call(this, method, url, ...rest);
            };
            XMLHttpRequest.prototype.send = function (body) {
              if (this.__tbUidl) {
                const start = performance.now();
                let what = 'other';
                try {
                  what = JSON.parse(body).rpc.map(r => r.type + ':' + (r.event || r.templateEventMethodName
                      || r.property || r.methodName || r.feature || '')).join(',') || 'empty';
                } catch (e) { /* keep 'other' */ }
                this.addEventListener('loadend', () => window.__tbRoundTrips.push(
                    {d: performance.now() - start, what, path: location.pathname.split('/').pop()}));
              }
              return send.call(this, body);
            };
            """;

    /**
     * Thirty pages' spinners and progress bars animating at 60 frames a second cost the driver's
     * browser more than the server; the pupils' own computers would pay that, so here it is off.
     */
    private static final String STILL = """
            document.addEventListener('DOMContentLoaded', () => {
              const style = document.createElement('style');
              style.textContent = '*, *::before, *::after { animation: none !important; transition: none !important; }';
              document.head.append(style);
            });
            """;

    private final int students;
    private final String kind;
    private final Path work;
    private final LoadTally tally = new LoadTally();
    private final String driver;
    private volatile CpuMeter cpu;

    private ClassroomLoadBench(int students, String kind, String driver, Path work) {
        this.students = students;
        this.kind = kind;
        this.driver = driver;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        int students = Integer.getInteger("students", 10);
        String kind = System.getProperty("kind", "pretrained");
        Path work = Files.createTempDirectory("teachbox-classroom-load");
        String driver = System.getProperty("driver", "browser");
        if (!driver.equals("browser") && !driver.equals("wire")) {
            throw new IllegalArgumentException("driver is browser or wire, not " + driver);
        }
        new ClassroomLoadBench(students, kind, driver, work).run();
    }

    private void run() throws Exception {
        List<List<List<Path>>> pictures = new ArrayList<>();
        List<List<Path>> previews = new ArrayList<>();
        for (int s = 0; s < students; s++) {
            pictures.add(classPictures("s" + s, s));
            previews.add(previewPictures("s" + s, s));
        }
        log.info("Generated {} pictures for {} learners", students * (CLASSES * PER_CLASS + PREVIEWS), students);
        System.setProperty("teachbox.app.heap", System.getProperty("teachbox.app.heap", "2g"));
        try (AppProcess app = AppProcess.start("classroom-load", work.resolve("data"), work.resolve("server.log"),
                Map.of(), List.of()).awaitHealthy(Duration.ofMinutes(3));
             SharedChromium chromium = driver.equals("browser") ? SharedChromium.start(work.resolve("chromium")) : null) {
            warmUp(app, Integer.getInteger("warmup", 0));
            if (Boolean.parseBoolean(System.getProperty("floor", "true"))) {
                tally.floor(floor(app));
            }
            CountDownLatch ready = new CountDownLatch(students);
            CountDownLatch go = new CountDownLatch(1);
            Semaphore launching = new Semaphore(2);
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < students; s++) {
                int learner = s;
                Runnable lesson = chromium == null
                        ? () -> wireLearner(app, learner, pictures.get(learner), previews.get(learner), ready, go)
                        : () -> learner(app, chromium, learner, pictures.get(learner), previews.get(learner), launching, ready, go);
                Thread t = new Thread(lesson, "learner-" + s);
                threads.add(t);
                t.start();
            }
            ready.await();
            lowerDriversBelowServer(app.pid());
            log.info("All {} learners have the page open; go", students);
            cpu = CpuMeter.start(app.pid());
            long start = System.nanoTime();
            tally.go();
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            double wall = (System.nanoTime() - start) / 1e9;
            CpuMeter.Use use = cpu.stop();
            tally.report(students, kind, driver, wall, use);
        }
    }

    /** A learner's own photo-like pictures for each class, in {@code folder}, the same for the same learner. */
    private List<List<Path>> classPictures(String folder, int learner) throws java.io.IOException {
        List<List<Path>> classes = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            classes.add(TestImages.photos(work.resolve(folder + "/c" + c), "c" + c, PER_CLASS, 1000L * learner + c));
        }
        return classes;
    }

    private List<Path> previewPictures(String folder, int learner) throws java.io.IOException {
        return TestImages.photos(work.resolve(folder + "/preview"), "p", PREVIEWS, 1000L * learner + 99);
    }

    /**
     * -Dwarmup=K: K learners (over the wire, all at once) go through the whole lesson before the
     * class arrives, as on a school server that has been up since the last lesson. A freshly
     * started JVM spends the class's first seconds compiling; with K = 0 the class meets it cold.
     */
    private void warmUp(AppProcess app, int learners) throws Exception {
        if (learners <= 0) {
            return;
        }
        LoadTally earlier = new LoadTally();
        earlier.go();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < learners; s++) {
            int index = students + s;
            WireLearner learner = WireLearner.arrive(java.net.URI.create(app.url("/")), earlier, kind, index,
                    classPictures("w" + s, index), previewPictures("w" + s, index));
            threads.add(Thread.ofPlatform().name("warm-up-" + s).start(() -> {
                try (learner) {
                    learner.lesson();
                } catch (Exception e) {
                    earlier.error(String.valueOf(e));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (earlier.errors() > 0) {
            throw new IllegalStateException("the warm-up lesson failed: " + earlier.problems());
        }
        log.info("{} earlier learners went through the lesson; the server is warm", learners);
    }

    /**
     * -Dfloor (on unless false): before the class, one learner of each kind in the class goes
     * through the lesson alone, twice (the first time warms the server's JIT, as a school server
     * that has been up is warm), and the floor is the sum over the class of the second lone
     * click-to-verdict times: the trainings one after another, each with the whole server (the
     * engine trains a job on every core). Printed as classroom-load-floor; the lone lessons also
     * leave the server warm for the class.
     */
    private double floor(AppProcess app) throws Exception {
        Map<String, Double> alone = new java.util.TreeMap<>();
        for (int s = 0; s < students; s++) {
            alone.putIfAbsent(kindOf(s), 0.0);
        }
        int index = students + 1000;
        for (String k : List.copyOf(alone.keySet())) for (int time = 0; time < 2; time++) {
            LoadTally lone = new LoadTally();
            lone.go();
            try (WireLearner learner = WireLearner.arrive(java.net.URI.create(app.url("/")), lone, k, index,
                    classPictures("f" + index, index), previewPictures("f" + index, index))) {
                learner.lesson();
            }
            if (lone.errors() > 0 || lone.verdictSeconds().isEmpty()) {
                throw new IllegalStateException("the lone " + k + " lesson failed: " + lone.problems());
            }
            alone.put(k, lone.verdictSeconds().getFirst());
            index++;
        }
        double floor = 0;
        for (int s = 0; s < students; s++) {
            floor += alone.get(kindOf(s));
        }
        alone.forEach((k, seconds) -> System.out.printf(java.util.Locale.ROOT,
                "classroom-load-alone kind=%s click_to_verdict_s=%.1f%n", k, seconds));
        return floor;
    }

    /** A learner over Vaadin's protocol (-Ddriver=wire): the same lesson at a fraction of a browser's CPU. */
    private void wireLearner(AppProcess app, int index, List<List<Path>> classes, List<Path> previews,
                             CountDownLatch ready, CountDownLatch go) {
        boolean counted = false;
        WireLearner learner = null;
        try {
            try {
                learner = WireLearner.arrive(java.net.URI.create(app.url("/")), tally, kindOf(index), index, classes, previews);
            } finally {
                ready.countDown();
                counted = true;
            }
            go.await();
            learner.lesson();
        } catch (Exception | AssertionError e) {
            failed(index, e);
        } finally {
            if (!counted) {
                ready.countDown();
            }
            if (learner != null) {
                learner.close();
            }
        }
    }

    /** -DfromScratch=k: the first k learners train a small network from scratch, the others the -Dkind. */
    private String kindOf(int learner) {
        return learner < Integer.getInteger("fromScratch", 0) ? "image" : kind;
    }

    private void learner(AppProcess app, SharedChromium chromium, int index, List<List<Path>> classes, List<Path> previews,
                         Semaphore launching, CountDownLatch ready, CountDownLatch go) {
        boolean counted = false;
        try (Playwright playwright = Playwright.create()) {
            Page page;
            launching.acquire();
            try {
                Browser browser = playwright.chromium().connectOverCDP(chromium.endpoint());
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                        .setViewportSize(1024, 768));
                context.addInitScript(ROUND_TRIPS);
                if (Boolean.parseBoolean(System.getProperty("still", "true"))) {
                    context.addInitScript(STILL);
                }
                page = context.newPage();
                page.setDefaultTimeout(600_000);
                if (Boolean.parseBoolean(System.getProperty("still", "true"))) {
                    // spinners and indeterminate bars inside the components' shadow roots, too
                    page.emulateMedia(new Page.EmulateMediaOptions()
                            .setReducedMotion(com.microsoft.playwright.options.ReducedMotion.REDUCE));
                    com.microsoft.playwright.CDPSession devtools = context.newCDPSession(page);
                    devtools.send("Animation.enable");
                    com.google.gson.JsonObject paused = new com.google.gson.JsonObject();
                    paused.addProperty("playbackRate", 0);
                    devtools.send("Animation.setPlaybackRate", paused);
                }
                page.navigate(app.url("/"));
                page.locator("#create-project").waitFor();
                collectRoundTrips(page); // the page opening, before the lesson starts
            } finally {
                launching.release();
                ready.countDown();
                counted = true;
            }
            go.await();
            try {
                lesson(page, index, classes, previews);
            } catch (RuntimeException | AssertionError e) {
                page.screenshot(new Page.ScreenshotOptions().setPath(work.resolve("failed-learner-" + index + ".png")).setFullPage(true));
                log.warn("Learner {} stopped; its page is in {}", index, work.resolve("failed-learner-" + index + ".png"));
                throw e;
            }
        } catch (Exception | AssertionError e) {
            failed(index, e);
        } finally {
            if (!counted) {
                ready.countDown();
            }
        }
    }

    private void lesson(Page page, int index, List<List<Path>> classes, List<Path> previews) {
        page.locator("#new-project-name input").fill("Learner " + index);
        if (!kind.equals("pretrained")) {
            page.locator("#new-project-kind").click();
            page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION,
                    new Page.GetByRoleOptions().setName(Pattern.compile("^Photos, small network"))).click();
        }
        page.locator("#create-project").click();
        page.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));
        page.locator("#add-class").click();
        page.locator("#class-" + (CLASSES - 1)).waitFor();

        long uploadStart = System.nanoTime();
        for (int c = 0; c < CLASSES; c++) {
            page.locator("#class-" + c + " input[type=file]").setInputFiles(classes.get(c).toArray(Path[]::new));
        }
        page.waitForFunction("([classes, n]) => [...Array(classes).keys()].every(i => {"
                        + " const c = document.querySelector('#class-' + i + ' .tb-count');"
                        + " return c && c.textContent.trim() === n + ' images'; })",
                List.of(CLASSES, PER_CLASS), new Page.WaitForFunctionOptions().setPollingInterval(250));
        tally.uploaded((System.nanoTime() - uploadStart) / 1e9);
        phase(index, "uploaded");
        int acknowledged = CLASSES * PER_CLASS;
        for (String problem : page.locator(".tb-problem").allTextContents()) {
            tally.error("learner " + index + " upload: " + problem);
        }

        page.locator("#go-train").click();
        page.locator("#train-button").waitFor();
        long click = System.nanoTime();
        tally.trainClicked(click);
        page.locator("#train-button").click();
        long deadline = click + Duration.ofMinutes(15).toNanos();
        while (true) {
            try {
                page.waitForFunction("() => (document.querySelector('#train-verdict')?.textContent || '')"
                        + ".includes('Training finished')", null,
                        new Page.WaitForFunctionOptions().setPollingInterval(100).setTimeout(2000));
                break;
            } catch (com.microsoft.playwright.TimeoutError stillTraining) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no verdict after 15 minutes; the page says: "
                            + page.locator("#train-status").textContent() + " / " + page.locator("#train-verdict").textContent());
                }
                toggleAdvanced(page);
            }
        }
        long verdict = System.nanoTime();
        tally.verdict(click, verdict);
        phase(index, "trained");

        page.locator("#step-preview").click();
        page.locator("#preview-upload input[type=file]").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        for (Path picture : previews) {
            page.evaluate("() => document.querySelectorAll('#preview-saliency img').forEach(i => i.dataset.seen = '1')");
            Object answersBefore = page.evaluate("() => document.querySelector('#confidence-bars').dataset.answers || '0'");
            long asked = System.nanoTime();
            page.locator("#preview-upload input[type=file]").setInputFiles(picture);
            page.waitForFunction("n => (document.querySelector('#confidence-bars').dataset.answers || '0') !== n",
                    answersBefore, new Page.WaitForFunctionOptions().setPollingInterval(100).setTimeout(60_000));
            tally.previewAnswer((System.nanoTime() - asked) / 1e6);
            // and where the model looked, or the page's word that the server is too busy to say
            page.waitForFunction("() => document.querySelector('#preview-saliency img:not([data-seen])') !== null"
                            + " || document.querySelector('#preview-saliency-busy, #preview-saliency-failed') !== null",
                    null, new Page.WaitForFunctionOptions().setPollingInterval(100).setTimeout(120_000));
            if (page.locator("#preview-saliency img:not([data-seen])").count() > 0) {
                tally.heatMap((System.nanoTime() - asked) / 1e6);
            } else {
                tally.heatMapRefused();
            }
        }

        collectRoundTrips(page);
        phase(index, "previewed");
        page.locator("#step-gather").click();
        page.locator("#class-" + (CLASSES - 1) + " .tb-count").waitFor();
        int stored = 0;
        for (int c = 0; c < CLASSES; c++) {
            stored += Integer.parseInt(page.locator("#class-" + c + " .tb-count").textContent().replaceAll("\\D", ""));
        }
        if (stored < acknowledged) {
            tally.lost(acknowledged - stored, "learner " + index + ": " + stored + " of " + acknowledged + " pictures after reopening");
        }
        collectRoundTrips(page);
    }

    /**
     * Playwright's drivers (a Node.js process per learner thread) relay every file and event; at
     * the server's priority thirty of them took the cores during uploads. Every thread of every
     * process this JVM started, but the server, goes to nice 19 like the browser.
     */
    private static void lowerDriversBelowServer(long serverPid) throws java.io.IOException, InterruptedException {
        List<String> tids = new ArrayList<>();
        for (ProcessHandle p : ProcessHandle.current().descendants().toList()) {
            if (p.pid() == serverPid) {
                continue;
            }
            try (var tasks = Files.list(Path.of("/proc/" + p.pid() + "/task"))) {
                tasks.forEach(t -> tids.add(t.getFileName().toString()));
            } catch (java.io.IOException gone) {
                // ended meanwhile
            }
        }
        for (int from = 0; from < tids.size(); from += 200) {
            List<String> command = new ArrayList<>(List.of("renice", "-n", "19", "-p"));
            command.addAll(tids.subList(from, Math.min(tids.size(), from + 200)));
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        }
        log.info("{} driver threads at nice 19", tids.size());
    }

    private void failed(int learner, Throwable e) {
        tally.error("learner " + learner + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        log.warn("Learner {} failed", learner, e);
    }

    private void phase(int learner, String name) {
        log.info("Learner {} {}: CPU so far, server {} s, driver {} s", learner, name,
                String.format(Locale.ROOT, "%.1f", cpu.serverSoFar()), String.format(Locale.ROOT, "%.1f", cpu.driverSoFar()));
    }

    /** One click on "Advanced", timed by the page from the click to the server's answer. */
    private void toggleAdvanced(Page page) {
        Object before = page.evaluate("() => window.__tbRoundTrips.length");
        page.locator("#advanced vaadin-details-summary, #advanced [slot=summary]").first().click();
        page.waitForFunction("n => window.__tbRoundTrips.length > n", before,
                new Page.WaitForFunctionOptions().setPollingInterval(20));
        Object last = page.evaluate("() => window.__tbRoundTrips[window.__tbRoundTrips.length - 1].d");
        tally.advanced(((Number) last).doubleValue());
    }

    @SuppressWarnings("unchecked")
    private void collectRoundTrips(Page page) {
        List<Map<String, Object>> trips = (List<Map<String, Object>>) page.evaluate("() => window.__tbRoundTrips.splice(0)");
        for (Map<String, Object> t : trips) {
            double d = ((Number) t.get("d")).doubleValue();
            tally.trip(t.get("path") + " " + t.get("what"), d);
        }
    }
}
