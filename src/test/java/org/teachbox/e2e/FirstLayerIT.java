package org.teachbox.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inside the small CNN: after a short training on the shapes sample, an upload shows 16 filters and their maps. */
class FirstLayerIT extends BrowserTest {

    @TempDir
    Path files;

    @Test
    void anUploadShowsTheFirstLayersFiltersAndFeatureMaps() throws Exception {
        page.navigate(url("/"));
        page.locator("#sample-shapes").click();
        page.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));

        page.locator("#step-train").click();
        page.locator("#advanced").click();
        page.locator("#epochs input").fill("3");
        page.locator("#epochs input").press("Tab");
        page.locator("#train-button").click();
        assertThat(page.locator("#train-verdict")).containsText("Training finished",
                new LocatorAssertions.ContainsTextOptions().setTimeout(180_000));

        page.locator("#step-preview").click();
        assertThat(page.locator("#preview-first-layer")).isHidden(); // nothing previewed yet
        page.locator("#preview-upload input[type=file]").setInputFiles(
                TestImages.shapes(files.resolve("p"), "circle", 1, 99).get(0));
        assertThat(page.locator("#preview-saliency img")).isVisible();
        assertThat(page.locator("#preview-first-layer")).containsText("Inside the network: the first layer");
        assertThat(page.locator("#preview-first-layer img.tb-filter")).hasCount(16);
        assertThat(page.locator("#preview-first-layer img.tb-feature-map")).hasCount(16);
        String firstMap = page.locator("#preview-first-layer img.tb-feature-map").first().getAttribute("src");
        org.assertj.core.api.Assertions.assertThat(firstMap).startsWith("data:image/png;base64,");
        page.locator("#preview-first-layer").scrollIntoViewIfNeeded();
        screenshot(page, "20-first-layer");

        // another picture, other maps; the filters stay what the network learned
        String firstFilter = page.locator("#preview-first-layer img.tb-filter").first().getAttribute("src");
        page.locator("#preview-upload input[type=file]").setInputFiles(
                TestImages.shapes(files.resolve("q"), "square", 1, 5).get(0));
        assertThat(page.locator("#preview-first-layer img.tb-feature-map").first())
                .not().hasAttribute("src", firstMap);
        assertThat(page.locator("#preview-first-layer img.tb-filter").first()).hasAttribute("src", firstFilter);
        assertThat(page.locator("#preview-saliency .tb-heat-legend")).containsText("mattered most");

        // two pictures dropped one right after the other: the second is answered, not refused
        var map = page.locator("#preview-first-layer img.tb-feature-map").first();
        String squareMap = map.getAttribute("src");
        Path circle13 = TestImages.shapes(files.resolve("s"), "circle", 1, 13).get(0);
        page.locator("#preview-upload input[type=file]").setInputFiles(circle13);
        assertThat(map).not().hasAttribute("src", squareMap);
        String circleMap = map.getAttribute("src");
        page.locator("#preview-upload input[type=file]").setInputFiles(
                TestImages.shapes(files.resolve("t"), "circle", 1, 17).get(0));
        assertThat(map).not().hasAttribute("src", circleMap); // something else on screen first
        page.locator("#preview-upload input[type=file]").setInputFiles(
                TestImages.shapes(files.resolve("q"), "square", 1, 5).get(0));
        page.locator("#preview-upload input[type=file]").setInputFiles(circle13); // at once after it
        assertThat(map).hasAttribute("src", circleMap);

        page.locator("#language").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION,
                new Page.GetByRoleOptions().setName("繁體中文")).click();
        // the page comes back in Chinese: give the picture to the new page, not the one going away
        assertThat(page.locator("#preview-upload")).containsText("上傳圖片");
        page.locator("#preview-upload input[type=file]").setInputFiles(
                TestImages.shapes(files.resolve("r"), "circle", 1, 7).get(0));
        assertThat(page.locator("#preview-first-layer")).containsText("網路內部：第一層");
        screenshot(page, "21-first-layer-zh");
    }
}
