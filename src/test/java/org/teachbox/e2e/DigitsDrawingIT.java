package org.teachbox.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.assertions.LocatorAssertions;

import org.junit.jupiter.api.Test;

/** The digits lesson without a camera: ready-made digits, a short training, then draw a digit. */
class DigitsDrawingIT extends BrowserTest {

    @Test
    void drawnDigitGetsAConfidencePerClass() throws Exception {
        page.navigate(url("/"));
        page.locator("#sample-digits").click();
        page.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));
        assertThat(page.locator(".tb-class-card")).hasCount(10);

        page.locator("#step-train").click();
        page.locator("#advanced").click();
        page.locator("#epochs input").fill("5");
        page.locator("#epochs input").press("Tab");
        page.locator("#train-button").click();
        assertThat(page.locator("#train-verdict")).containsText("Training finished",
                new LocatorAssertions.ContainsTextOptions().setTimeout(180_000));

        page.locator("#step-preview").click();
        Locator canvas = page.locator("draw-pad canvas");
        canvas.scrollIntoViewIfNeeded();
        var box = canvas.boundingBox();
        // a "1": one stroke down the middle
        page.mouse().move(box.x + box.width / 2, box.y + box.height * 0.15);
        page.mouse().down();
        page.mouse().move(box.x + box.width / 2, box.y + box.height * 0.85, new Mouse.MoveOptions().setSteps(12));
        page.mouse().up();
        assertThat(page.locator("#confidence-bars .tb-bar-value")).hasCount(10);
        assertThat(page.locator("#confidence-bars .tb-bar-value").first()).hasText(Pattern.compile("\\d+%"));
        assertThat(page.locator("#preview-saliency img")).isVisible();
        screenshot(page, "10-digits-draw");
        // the canvas says what it is for, and axe finds nothing serious on a page with a drawing pad
        assertThat(canvas).hasAttribute("aria-label", "Drawing area: draw here with a mouse, a pen or a finger.");
        org.assertj.core.api.Assertions.assertThat(Axe.seriousViolations(page)).isEmpty();
    }
}
