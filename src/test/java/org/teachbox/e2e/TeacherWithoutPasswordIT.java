package org.teachbox.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** A server started without a teacher password keeps the teacher's pages shut and says how to open them. */
class TeacherWithoutPasswordIT extends BrowserTest {

    @Test
    void theSignInPageSaysHowToSetAPassword() {
        page.navigate(url("/teacher"));
        page.waitForURL(Pattern.compile(".*/teacher/login.*"));
        assertThat(page.locator("#teacher-no-password")).containsText("TEACHBOX_TEACHER_PASSWORD");
        assertThat(page.locator("#teacher-login")).isHidden();
        screenshot(page, "teacher-00-no-password");
        // learners are not affected: their pages open as always, with the way into a class
        page.navigate(url("/"));
        assertThat(page.locator("h1")).hasText("My projects");
        assertThat(page.locator("#class-code")).isVisible();
    }
}
