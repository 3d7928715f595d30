package org.teachbox.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A school server where nobody has installed the pretrained network yet (no internet at build
 * time): the app starts, says so in plain words, and photo projects use the small network.
 */
@TestPropertySource(properties = "teachbox.backbone.dir=target/test-data/no-backbone-here")
class NoBackboneIT extends BrowserTest {

    @Test
    void theProjectsPageSaysWhatIsMissingAndPhotoProjectsStillWork() {
        page.navigate(url("/"));
        assertThat(page.locator("#backbone-missing")).isVisible();
        assertThat(page.locator("#backbone-missing")).containsText("scripts/get-backbone.sh");
        assertThat(page.locator("#new-project-kind")).containsText("Photos, small network from scratch");
        screenshot(page, "11-no-backbone");

        page.locator("#create-project").click();
        page.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));
        assertThat(page.locator("#class-0")).isVisible();
    }
}
