package org.teachbox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ReducedMotion;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A learner whose system asks for less motion gets a still recording dot; everyone else sees it
 * pulse. Checked on the real webcam card (Chromium's fake camera), while the button is held.
 */
class ReducedMotionIT extends BrowserTest {

    @ParameterizedTest
    @EnumSource(value = ReducedMotion.class, names = {"REDUCE", "NO_PREFERENCE"})
    void theRecordingDotPulsesOnlyWhenMotionIsWelcome(ReducedMotion motion) {
        page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(motion));
        page.navigate(url("/"));
        page.locator("#create-project").click();
        page.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));
        Locator card = page.locator("#class-0");
        card.locator(".tb-webcam-button").click();
        Locator hold = card.locator("webcam-capture button.record:not([disabled])");
        hold.waitFor();
        var box = hold.boundingBox();
        page.mouse().move(box.x + box.width / 2, box.y + box.height / 2);
        page.mouse().down();
        Locator dot = card.locator("webcam-capture .dot");
        dot.waitFor();
        String animation = (String) dot.evaluate("d => getComputedStyle(d).animationName");
        page.mouse().up();
        assertThat(animation).isEqualTo(motion == ReducedMotion.REDUCE ? "none" : "pulse");
    }
}
