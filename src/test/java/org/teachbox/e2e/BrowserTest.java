package org.teachbox.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Runs the real app on a random port and drives Debian's Chromium against it with Playwright
 * (launched as {@link Chromium} says).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"teachbox.data-dir=target/test-data/e2e-${random.uuid}", "teachbox.bias.epochs=30"})
@org.junit.jupiter.api.extension.ExtendWith(BrowserTest.ScreenshotOnFailure.class)
abstract class BrowserTest {

    /** A failed browser test leaves a picture of what the page showed: target/screenshots/FAILED-*.png. */
    static final class ScreenshotOnFailure implements org.junit.jupiter.api.extension.AfterTestExecutionCallback {
        @Override
        public void afterTestExecution(org.junit.jupiter.api.extension.ExtensionContext context) {
            if (context.getExecutionException().isEmpty()) {
                return;
            }
            context.getTestInstance().filter(BrowserTest.class::isInstance).map(BrowserTest.class::cast)
                    .filter(t -> t.page != null && !t.page.isClosed())
                    .ifPresent(t -> t.screenshot(t.page, "FAILED-" + context.getRequiredTestMethod().getName()));
        }
    }

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;
    final List<String> policyViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void launch() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = newContext("en-US");
        page = context.newPage();
        page.setDefaultTimeout(30_000);
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
        // The app sends a content security policy; anything it blocks is a feature that broke.
        assertThat(policyViolations).as("content security policy violations").isEmpty();
    }

    BrowserContext newContext(String locale) {
        BrowserContext c = browser.newContext(new Browser.NewContextOptions()
                .setLocale(locale)
                .setViewportSize(1280, 900)
                .setPermissions(List.of("camera")));
        c.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.text());
            }
        });
        return c;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Waits until Vaadin has no round-trip in flight, so the DOM reflects the server. */
    void settle(Page p) {
        p.waitForFunction("() => !window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients"
                + " || Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }

    void screenshot(Page p, String name) {
        p.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
