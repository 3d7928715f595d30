package org.teachbox.e2e;

import java.nio.file.Paths;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium for the browser tests ({@code /usr/bin/chromium}, or {@code CHROMIUM_PATH}),
 * headless, with a fake camera and the flags that keep it from dialling outside hosts.
 */
final class Chromium {

    private Chromium() {
    }

    static Browser launch(Playwright playwright) {
        // A shared two-core CI machine can take longer than Playwright's 5 s default to finish an
        // upload or a page; a test still fails when the thing never happens.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(chromium))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream")));
    }
}
