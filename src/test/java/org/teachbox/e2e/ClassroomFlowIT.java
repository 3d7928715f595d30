package org.teachbox.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new learner's whole path on the default kind, photos through the pretrained network:
 * gather → train → under the hood → preview (webcam and file) → Chinese.
 */
class ClassroomFlowIT extends BrowserTest {

    @TempDir
    Path files;

    @Test
    void learnerGathersTrainsInspectsAndPredicts() throws Exception {
        page.navigate(url("/"));
        assertThat(page.locator("h1")).hasText("My projects");
        assertThat(page.locator("#new-project-kind")).containsText("Photos (pretrained, like Teachable Machine)");
        assertThat(page.locator("#new-project-kind-hint")).containsText("already learned from a million photos");
        assertThat(page.locator("#backbone-missing")).isHidden();
        screenshot(page, "01-projects");

        page.locator("#new-project-name input").fill("Circles or squares");
        page.locator("#create-project").click();
        page.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));
        assertThat(page.locator("h1")).hasText("Circles or squares");

        rename(0, "circles");
        rename(1, "squares");

        List<Path> circles = new ArrayList<>(TestImages.shapes(files.resolve("c"), "circle", 12, 1));
        circles.add(TestImages.broken(files));
        upload(0, circles);
        upload(1, TestImages.shapes(files.resolve("s"), "square", 12, 2));
        assertThat(page.locator("#class-0 .tb-count")).hasText("12 images");
        assertThat(page.locator("#class-1 .tb-count")).hasText("12 images");
        assertThat(page.locator("#class-0 .tb-problems")).containsText("broken.png");
        assertThat(page.locator("#class-0 .tb-thumb-img")).hasCount(12);

        recordFromWebcam(1);
        screenshot(page, "02-gather");

        page.locator("#go-train").click();
        assertThat(page.locator("#split-summary")).containsText("circles: 10 for training · 2 for validation");
        page.locator("#advanced").click();
        page.locator("#epochs input").fill("8");
        page.locator("#epochs input").press("Tab");
        page.locator("#train-button").click();
        assertThat(page.locator("#train-verdict")).containsText("Training finished",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(180_000));
        assertThat(page.locator("#accuracy-chart canvas")).isVisible();
        screenshot(page, "03-train");

        page.locator("#step-insights").click();
        assertThat(page.locator("#per-class")).containsText("circles");
        Locator matrix = page.locator("#confusion-matrix");
        assertThat(matrix).containsText("Actual");
        matrix.locator("button.diagonal").first().click();
        assertThat(page.locator("#cell-gallery h3")).containsText("Really “circles”, model said “circles”");
        // the frozen backbone is summarised apart from the head that was trained
        assertThat(page.locator("#model-summary")).containsText("pretrained on ImageNet photos, frozen");
        assertThat(page.locator("body")).containsText("numbers stay as they are");
        screenshot(page, "04-insights");

        page.locator("#step-preview").click();
        // live webcam: Chromium's fake camera, every frame through backbone and head
        page.locator("webcam-capture button.start").click();
        assertThat(page.locator("#confidence-bars .tb-bar-value").first()).hasText(Pattern.compile("\\d+%"));
        // each bar has a name a screen reader can say
        assertThat(page.locator("#confidence-bars vaadin-progress-bar").first())
                .hasAttribute("aria-label", Pattern.compile("How sure the model is that it is “.+”"));
        page.locator("#preview-upload input[type=file]").setInputFiles(
                TestImages.shapes(files.resolve("p"), "circle", 1, 99).get(0));
        assertThat(page.locator("#preview-saliency img")).isVisible();
        assertThat(page.locator("#confidence-bars .tb-bar-value").first()).hasText(Pattern.compile("\\d+%"));
        screenshot(page, "05-preview");
        // a webcam frame that was still on its way must not have replaced the file's heat map
        assertThat(page.locator("#preview-saliency img")).isVisible();

        page.locator("#language").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION,
                new Page.GetByRoleOptions().setName("繁體中文")).click();
        assertThat(page.locator(".tb-steps")).containsText("模型透視");
        screenshot(page, "06-preview-zh");
    }

    @Test
    void anotherBrowserCannotOpenMyProjectByUrl() {
        page.navigate(url("/"));
        page.locator("#create-project").click();
        page.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));
        String projectUrl = page.url();

        BrowserContext stranger = newContext("en-US");
        Page other = stranger.newPage();
        other.navigate(projectUrl);
        assertThat(other.locator("h1")).hasText("Project not found");
        other.navigate(url("/"));
        assertThat(other.locator(".tb-project-list")).containsText("You have no projects yet");
        stranger.close();
    }

    @Test
    void deletingAProjectAsksFirstAndKeepsItOnNo() {
        page.navigate(url("/"));
        page.locator("#new-project-name input").fill("Keep me");
        page.locator("#create-project").click();
        page.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));
        page.navigate(url("/"));
        page.locator(".tb-project-card").getByText("Delete").click();
        page.getByText("Keep it").click();
        assertThat(page.locator(".tb-project-list")).containsText("Keep me");
        page.locator(".tb-project-card").getByText("Delete").click();
        page.locator("#confirm-delete").click();
        assertThat(page.locator(".tb-project-list")).containsText("You have no projects yet");
    }

    @Test
    void chineseBrowserGetsChineseFirst() {
        BrowserContext zh = newContext("zh-TW");
        Page p = zh.newPage();
        p.navigate(url("/"));
        assertThat(p.locator("h1")).hasText("我的專案");
        assertThat(p.locator("html")).hasAttribute("lang", "zh-Hant-TW");
        org.assertj.core.api.Assertions.assertThat(p.evaluate("() => window.Vaadin.connectionIndicator.reconnectingText"))
                .isEqualTo("和伺服器的連線中斷了，正在重新連線…");
        screenshot(p, "07-projects-zh");
        // a sample project speaks the class's language too: its classes are named in Chinese
        p.locator("#sample-shapes").click();
        assertThat(p.locator("#class-0 .tb-class-name input")).hasValue("圓形");
        assertThat(p.locator("#class-1 .tb-class-name input")).hasValue("正方形");
        zh.close();
    }

    private void rename(int index, String name) {
        Locator field = page.locator("#class-" + index + " .tb-class-name input");
        field.fill(name);
        field.press("Enter");
        settle(page);
    }

    private void upload(int index, List<Path> paths) {
        page.locator("#class-" + index + " picture-uploader input[type=file]").setInputFiles(paths.toArray(Path[]::new));
    }

    /** Mirrors the card's thumbnail limit (48) without reaching into the UI package. */
    private static final class ClassCardSize {
        static final int THUMBNAILS = 48;
    }

    private void recordFromWebcam(int index) {
        Locator card = page.locator("#class-" + index);
        card.locator(".tb-webcam-button").click();
        Locator hold = card.locator("webcam-capture button.record:not([disabled])");
        hold.waitFor();
        var box = hold.boundingBox();
        page.mouse().move(box.x + box.width / 2, box.y + box.height / 2);
        page.mouse().down();
        page.waitForTimeout(3000);
        page.mouse().up();
        settle(page);
        // frames are stored off the page's lock, a few may still be waiting: read the count once it holds still
        int stored = -1;
        for (int seen = count(card); seen != stored; seen = count(card)) {
            stored = seen;
            page.waitForTimeout(1000);
            settle(page);
        }
        // one hold must store a stream of frames, not a single snapshot (the rate is the browser's,
        // about 24 fps, and is not asserted: a loaded CI machine stores fewer)
        org.assertj.core.api.Assertions.assertThat(stored - 12).isGreaterThanOrEqualTo(2);
        assertThat(card.locator(".tb-thumb-img")).hasCount(Math.min(ClassCardSize.THUMBNAILS, stored));
    }

    private static int count(Locator card) {
        return Integer.parseInt(card.locator(".tb-count").textContent().replaceAll("\\D", ""));
    }
}
