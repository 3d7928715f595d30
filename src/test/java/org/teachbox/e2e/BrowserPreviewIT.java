package org.teachbox.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live webcam preview runs the project's own model in the browser (TensorFlow.js on
 * WebAssembly, its files served by this app), and the server, checking one frame every two
 * seconds with its own copy of the model, names the same class. Without WebAssembly the server
 * answers every frame as before. The model files are the owner's only.
 */
class BrowserPreviewIT extends BrowserTest {

    private static final int CHECKS = 8;

    @TempDir
    Path files;

    @Test
    void theSmallNetworkRunsInTheBrowserAndTheServerAgrees() throws Exception {
        trainShapes("Photos, small network from scratch", 12);
        liveAndChecked("image");
    }

    @Test
    void thePretrainedNetworkRunsInTheBrowserAndTheServerAgrees() throws Exception {
        trainShapes("Photos (pretrained, like Teachable Machine)", 20);
        liveAndChecked("pretrained");
        screenshot(page, "preview-browser-pretrained");
    }

    @Test
    void withoutWebAssemblyTheServerAnswersAndTheModelFilesAreTheOwnersOnly() throws Exception {
        context.route("**/*.wasm", route -> route.abort());
        String projectId = trainShapes("Photos, small network from scratch", 3);
        page.locator("webcam-capture button.start").click();
        assertThat(page.locator("#browser-run")).containsText("cannot run the model itself");
        assertThat(page.locator("#confidence-bars .tb-bar-value").first()).hasText(Pattern.compile("\\d+%"));

        Object own = page.evaluate("async (u) => (await fetch(u)).status", "/own-model/" + projectId + "/model.json");
        assertThat(own).isEqualTo(200);
        BrowserContext stranger = newContext("en-US");
        Page other = stranger.newPage();
        other.navigate(url("/"));
        Object theirs = other.evaluate("async (u) => { const r = await fetch(u); return [r.status, (await r.json()).error]; }",
                "/own-model/" + projectId + "/model.json");
        assertThat(theirs).asList().containsExactly(404, "not-found");
        stranger.close();
    }

    /** Makes a project of the given kind with circles and squares, trains it, and opens Preview. */
    private String trainShapes(String kind, int epochs) throws Exception {
        page.navigate(url("/"));
        page.locator("#new-project-kind").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION, new Page.GetByRoleOptions().setName(kind)).click();
        page.locator("#create-project").click();
        page.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));
        String projectId = page.url().replaceAll(".*/project/([0-9a-f-]{36})$", "$1");
        page.locator("#class-0 picture-uploader input[type=file]").setInputFiles(
                TestImages.shapes(files.resolve("c" + epochs), "circle", 12, 1).toArray(Path[]::new));
        page.locator("#class-1 picture-uploader input[type=file]").setInputFiles(
                TestImages.shapes(files.resolve("s" + epochs), "square", 12, 2).toArray(Path[]::new));
        assertThat(page.locator("#class-0 .tb-count")).hasText("12 images");
        assertThat(page.locator("#class-1 .tb-count")).hasText("12 images");
        page.locator("#go-train").click();
        page.locator("#advanced").click();
        page.locator("#epochs input").fill(String.valueOf(epochs));
        page.locator("#epochs input").press("Tab");
        settle(page);
        page.locator("#train-button").click();
        assertThat(page.locator("#train-verdict")).containsText("Training finished",
                new LocatorAssertions.ContainsTextOptions().setTimeout(180_000));
        page.locator("#step-preview").click();
        return projectId;
    }

    private void liveAndChecked(String kind) {
        if (Boolean.getBoolean("browserPreview.uncapped")) {
            // bench/browser-preview-fps.sh: as many pictures a second as this browser can answer
            page.locator("webcam-capture").evaluate("el => el.maxFps = 1000");
        }
        page.locator("webcam-capture button.start").click();
        Locator run = page.locator("#browser-run");
        assertThat(run).containsText("Runs in this browser", new LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        assertThat(page.locator("#confidence-bars .tb-bar-value").first()).hasText(Pattern.compile("\\d+%"));
        Locator checks = page.locator(".tb-browser-run");
        page.waitForFunction("n => Number(document.querySelector('.tb-browser-run').dataset.checked || 0) >= n", CHECKS,
                new Page.WaitForFunctionOptions().setTimeout(120_000));
        int checked = Integer.parseInt(checks.getAttribute("data-checked"));
        int agreed = Integer.parseInt(checks.getAttribute("data-agreed"));
        int nearTies = Integer.parseInt(checks.getAttribute("data-near-ties"));
        System.out.printf("BROWSER-PREVIEW kind=%s agreed=%d near_ties=%d checked=%d largest_gap=%s %s%n", kind, agreed,
                nearTies, checked, checks.getAttribute("data-largest-gap"), run.textContent());
        // the fake camera's test pattern is neither shape, so some frames are close to 50/50
        assertThat(agreed + nearTies).as("frames where browser and server name the same class, or two classes are level")
                .isEqualTo(checked);
        // the pretrained network is sure of most frames; the small network, after 12 epochs on shapes, is
        // near 50/50 on the camera's test pattern in most of them (3 clear of 8 was seen in CI), so for it
        // one clear frame is enough to show the two name the same class
        assertThat(agreed).as("frames where browser and server name the same class")
                .isGreaterThanOrEqualTo("pretrained".equals(kind) ? checked / 2 : 1);
        // both answer the very pixels of the check frame's JPEG (the two decoders agree bit for
        // bit); the pretrained network takes them as they are, while the small network's input
        // is shrunk, by tf.image.resizeBilinear in the browser and by averaging on the server
        double bound = "pretrained".equals(kind) ? 0.001 : 0.1;
        assertThat(Double.parseDouble(checks.getAttribute("data-largest-gap"))).as("largest probability difference")
                .isLessThan(bound);
        assertThat(page.locator("#browser-check")).containsText("Checked on the server");
    }
}
