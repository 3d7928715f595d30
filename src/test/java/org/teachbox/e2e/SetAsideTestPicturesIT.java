package org.teachbox.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fair-judge lesson in the browser: a learner sets pictures aside as test pictures under a
 * class (one of them a square filed as a circle), trains, and finds the test pictures judged
 * under the hood, beside validation, with a matrix whose cells show their pictures.
 */
class SetAsideTestPicturesIT extends BrowserTest {

    @TempDir
    Path files;

    @Test
    void testPicturesSetAsideInGatherAreJudgedUnderTheHood() throws Exception {
        page.navigate(url("/"));
        page.locator("#new-project-name input").fill("Fair judge");
        page.locator("#create-project").click();
        page.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));
        rename(0, "circles");
        rename(1, "squares");
        page.locator("#class-0 picture-uploader input[type=file]").setInputFiles(
                TestImages.shapes(files.resolve("c"), "circle", 10, 1).toArray(Path[]::new));
        page.locator("#class-1 picture-uploader input[type=file]").setInputFiles(
                TestImages.shapes(files.resolve("s"), "square", 10, 2).toArray(Path[]::new));
        assertThat(page.locator("#class-0 .tb-count")).hasText("10 images");
        assertThat(page.locator("#class-1 .tb-count")).hasText("10 images");

        Locator circleTests = openTestShelf(0);
        List<Path> set = new java.util.ArrayList<>(TestImages.shapes(files.resolve("tc"), "circle", 3, 3));
        set.add(TestImages.shapes(files.resolve("ts"), "square", 1, 4).getFirst());
        circleTests.locator("picture-uploader input[type=file]").setInputFiles(set.toArray(Path[]::new));
        assertThat(circleTests.locator(".tb-test-toggle")).hasText("▾ Test pictures (4)");
        assertThat(circleTests.locator(".tb-thumb-img")).hasCount(4);
        Locator squareTests = openTestShelf(1);
        squareTests.locator("picture-uploader input[type=file]").setInputFiles(
                TestImages.shapes(files.resolve("ts2"), "square", 2, 5).toArray(Path[]::new));
        assertThat(squareTests.locator(".tb-test-toggle")).hasText("▾ Test pictures (2)");
        // training counts leave the test pictures out
        assertThat(page.locator("#class-0 .tb-count")).hasText("10 images");
        settle(page);
        screenshot(page, "test-pictures-01-gather");

        page.locator("#go-train").click();
        assertThat(page.locator("#split-summary")).containsText("circles: 8 for training · 2 for validation");
        page.locator("#advanced").click();
        page.locator("#epochs input").fill("20");
        page.locator("#epochs input").press("Tab");
        page.locator("#train-button").click();
        assertThat(page.locator("#train-verdict")).containsText("Training finished",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(180_000));

        page.locator("#step-insights").click();
        Locator section = page.locator("#test-pictures");
        assertThat(section.locator("h3").first()).hasText("Test pictures: the fair judge");
        assertThat(page.locator("#test-accuracy")).containsText("on 6 test pictures");
        assertThat(page.locator("#test-accuracy")).containsText("Validation accuracy:");
        assertThat(page.locator("#test-per-class")).containsText("circles");
        page.locator("#test-confusion-matrix button.diagonal").first().click();
        assertThat(page.locator("#cell-gallery h3").first())
                .hasText("Test pictures: really “circles”, model said “circles”");
        assertThat(page.locator("#cell-gallery .tb-open-preview").first()).hasText("Open in Preview");
        settle(page);
        section.scrollIntoViewIfNeeded();
        screenshot(page, "test-pictures-02-insights");
    }

    private Locator openTestShelf(int index) {
        Locator shelf = page.locator("#class-" + index + " .tb-test-shelf");
        assertThat(shelf.locator(".tb-test-toggle")).hasText("▸ Test pictures (0)");
        shelf.locator(".tb-test-toggle").click();
        assertThat(shelf.locator("picture-uploader")).isVisible();
        return shelf;
    }

    private void rename(int index, String name) {
        Locator field = page.locator("#class-" + index + " .tb-class-name input");
        field.fill(name);
        field.press("Enter");
        settle(page);
    }
}
