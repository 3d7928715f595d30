package org.teachbox.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.teachbox.ui.ServerSideUi;

/** What the live preview says when the server checks the browser's answers. */
class BrowserRunTest {

    private final ServerSideUi browser = new ServerSideUi(UUID.randomUUID().toString(), Locale.ENGLISH);

    @AfterEach
    void close() {
        browser.close();
    }

    private BrowserRun onPage() {
        BrowserRun run = new BrowserRun();
        browser.ui().add(run);
        return run;
    }

    @Test
    void aFlippedNearTieIsToldApartFromARealDisagreement() {
        BrowserRun run = onPage();

        run.checked(0, 0, 0.01, 0.6);
        // 0.51 against 0.49 on the server, the browser off by 0.015: either answer is the model's
        run.checked(1, 0, 0.015, 0.02);
        // the server is sure of class 0, the browser said 1: a real disagreement
        run.checked(1, 0, 0.015, 0.5);

        assertThat(run.getElement().getAttribute("data-checked")).isEqualTo("3");
        assertThat(run.getElement().getAttribute("data-agreed")).isEqualTo("1");
        assertThat(run.getElement().getAttribute("data-near-ties")).isEqualTo("1");
        assertThat(ServerSideUi.text(run)).contains("1 of 3 pictures get the same answer")
                .contains("One more was a near tie");
    }

    @Test
    void withoutNearTiesOnlyTheCountIsShown() {
        BrowserRun run = onPage();
        run.checked(1, 1, 0.02, 0.3);
        run.checked(0, 0, 0.02, 0.3);
        assertThat(ServerSideUi.text(run)).isEqualTo("Checked on the server: 2 of 2 pictures get the same answer.");
    }

    @Test
    void severalNearTiesAreCountedInBothLanguages() {
        BrowserRun run = onPage();
        run.checked(1, 1, 0.02, 0.3);
        run.checked(0, 1, 0.02, 0.01);
        run.checked(1, 0, 0.02, 0.03);
        assertThat(ServerSideUi.text(run)).contains("1 of 3 pictures get the same answer. 2 more were a near tie");
        browser.ui().setLocale(java.util.Locale.TRADITIONAL_CHINESE);
        run.checked(1, 1, 0.02, 0.3);
        assertThat(ServerSideUi.text(run)).contains("伺服器抽查：4 張中有 2 張答案相同；另有 2 張的兩個類別幾乎平分秋色");
    }
}
