package org.teachbox.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teachbox.samples.SampleSets;

/**
 * Transfer learning side by side: on a photo project's Train page a learner picks 10 photos per
 * class and, with one click, gets the pretrained network's and the small network's results next to
 * each other (accuracy, numbers that learned, photos, time) and a sentence on why they differ.
 */
class KindComparisonIT extends BrowserTest {

    private static final LocatorAssertions.IsVisibleOptions LONG =
            new LocatorAssertions.IsVisibleOptions().setTimeout(240_000);

    @TempDir
    Path files;

    @Test
    void bothKindsTrainOnTheSamePhotosAndAreShownSideBySide() throws Exception {
        String project = ProjectZip.open(page, url("/"),
                ProjectZip.write(files, "Shapes", "PRETRAINED", SampleSets.circlesAndSquares(24, 1, false), null));

        page.navigate(project + "/train");
        assertThat(page.locator("#kinds-panel")).containsText("Pretrained or from scratch?");
        page.locator("#kinds-per-class").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("10 photos per class").setExact(true)).click();
        page.locator("#kinds-button").click();

        assertThat(page.locator("#kinds-scratch")).isVisible(LONG);
        assertThat(page.locator("#kinds-pretrained")).containsText("Pretrained network");
        assertThat(page.locator("#kinds-pretrained")).containsText("Training photos: 20");
        assertThat(page.locator("#kinds-scratch")).containsText("Small network from scratch");
        assertThat(page.locator("#kinds-scratch")).containsText("Training photos: 20");
        assertThat(page.locator("#kinds-comparison .tb-run")).hasCount(2);
        assertThat(page.locator("#kinds-verdict")).containsText(Pattern.compile(
                "The pretrained network got \\d+% right, the one from scratch \\d+%"));
        // the head that learns is far smaller than the whole small network
        String pretrained = page.locator("#kinds-pretrained").innerText();
        String scratch = page.locator("#kinds-scratch").innerText();
        org.assertj.core.api.Assertions.assertThat(learned(pretrained)).isLessThan(learned(scratch));
        page.locator("#kinds-panel").scrollIntoViewIfNeeded();
        settle(page);
        screenshot(page, "kinds-01-side-by-side");

        BrowserContext taiwan = newContext("zh-TW");
        taiwan.addCookies(context.cookies());
        Page zh = taiwan.newPage();
        zh.navigate(project + "/train");
        assertThat(zh.locator("#kinds-panel")).containsText("預訓練模型，還是從頭訓練？");
        assertThat(zh.locator("#kinds-verdict")).containsText("預訓練網路答對");
        zh.locator("#kinds-panel").scrollIntoViewIfNeeded();
        settle(zh);
        screenshot(zh, "kinds-02-zh-TW");
        taiwan.close();
    }

    private static long learned(String column) {
        var m = Pattern.compile("Numbers that learned: ([\\d,]+)").matcher(column);
        org.assertj.core.api.Assertions.assertThat(m.find()).as(column).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
