package org.teachbox.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.assertions.LocatorAssertions;

import org.junit.jupiter.api.Test;

/** The guided bias lesson, one click per step, as a teacher would run it on the projector. */
class BiasLessonIT extends BrowserTest {

    private static final LocatorAssertions.IsVisibleOptions LONG =
            new LocatorAssertions.IsVisibleOptions().setTimeout(240_000);

    @Test
    void fairThenBiasedThenFixedSideBySideWithAConclusion() {
        page.navigate(url("/"));
        page.locator("#sample-bias").click();
        page.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}/bias$"));
        assertThat(page.locator("#bias-conclusion")).containsText("appears here");

        page.locator("#bias-train-fair").click();
        assertThat(page.locator("#run-fair")).isVisible(LONG);

        // defaults: imbalance, first class, keep 10%
        page.locator("#bias-train-skewed").click();
        assertThat(page.locator("#run-skewed")).isVisible(LONG);
        assertThat(page.locator("#bias-conclusion")).containsText("The fair model is right on");
        assertThat(page.locator("#run-skewed")).containsText("How often each class is predicted");
        assertThat(page.locator("#bias-saliency img")).hasCount(2);
        screenshot(page, "08-bias-skewed");

        page.locator("#bias-train-fix").click();
        assertThat(page.locator("#run-fixed")).isVisible(LONG);
        assertThat(page.locator("#bias-comparison .tb-run")).hasCount(3);
        // the lesson's default cut and fix: the verdict says the fix pulled "square" back
        assertThat(page.locator("#bias-conclusion")).containsText("“square” is predicted for");
        assertThat(page.locator("#bias-conclusion")).containsText("moved the model back toward the truth");
        screenshot(page, "09-bias-fixed");
    }
}
