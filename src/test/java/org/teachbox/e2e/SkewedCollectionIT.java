package org.teachbox.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;


import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teachbox.samples.SampleSet;
import org.teachbox.samples.SampleSets;

/**
 * The bias lab's "Skewed collection" on photo projects (the pretrained kind): a learner's project
 * with fairly collected pictures and test pictures is the fair collection itself; they open a
 * skewed project (every circle grey, every square tan), choose it, and with one click train both
 * and see them side by side on the test pictures, with the question and the gallery of pictures
 * only the skewed model gets wrong. The runs are still there after a reload, and in 中文.
 */
class SkewedCollectionIT extends BrowserTest {

    private static final LocatorAssertions.IsVisibleOptions LONG =
            new LocatorAssertions.IsVisibleOptions().setTimeout(240_000);

    @TempDir
    Path files;

    @Test
    void fairAndSkewedCollectionsAreJudgedOnThisProjectsTestPictures() throws Exception {
        open(zip("Grey circles", SampleSets.circlesAndSquares(24, 2, true), null));
        String judge = open(zip("Shapes", SampleSets.circlesAndSquares(24, 1, false),
                SampleSets.circlesAndSquares(10, 4, false)));

        page.navigate(judge + "/bias");
        assertThat(page.locator("#collection-verdict")).containsText("appears here when both collections");
        // this project is the fair collection to start with: only the skewed one is chosen
        assertThat(page.locator("#collection-fair-project")).containsText("This project: Shapes");
        pick("#collection-skewed-project", "Grey circles");
        page.locator("#bias-train-collection").click();
        assertThat(page.locator("#collection-skewed")).isVisible(LONG);
        assertThat(page.locator("#collection-fair")).containsText("Fair collection: Shapes");
        assertThat(page.locator("#collection-skewed")).containsText("How often each class is predicted on the test pictures");
        assertThat(page.locator("#collection-comparison .tb-run")).hasCount(2);
        assertThat(page.locator("#collection-verdict p").first()).not().isEmpty();
        assertThat(page.locator("#collection-gallery"))
                .containsText(Pattern.compile("Red areas|no test picture that only"), new LocatorAssertions.ContainsTextOptions().setTimeout(120_000));
        assertThat(page.locator("#collection-question")).containsText("What do the pictures it got wrong have in common?");
        page.locator("#collection-comparison").scrollIntoViewIfNeeded();
        settle(page);
        screenshot(page, "collection-01-side-by-side");

        page.reload();
        assertThat(page.locator("#collection-skewed")).isVisible();
        assertThat(page.locator("#collection-skewed")).containsText("Skewed collection: Grey circles");
        assertThat(page.locator("#collection-fair-project")).containsText("This project: Shapes");
        assertThat(page.locator("#collection-skewed-project")).containsText("Grey circles");
        settle(page);
        screenshot(page, "collection-02-after-reload");

        BrowserContext taiwan = newContext("zh-TW");
        taiwan.addCookies(context.cookies());
        Page zh = taiwan.newPage();
        zh.navigate(judge + "/bias");
        assertThat(zh.locator("#collection-skewed")).containsText("有偏誤的收集：Grey circles");
        assertThat(zh.locator("#bias-train-collection")).containsText("兩個都訓練");
        assertThat(zh.locator("#collection-fair-project")).containsText("這個專案：Shapes");
        assertThat(zh.locator("#collection-question")).containsText("有什麼共同點");
        zh.locator("#collection-comparison").scrollIntoViewIfNeeded();
        settle(zh);
        screenshot(zh, "collection-03-zh-TW");
        taiwan.close();
    }

    private void pick(String select, String name) {
        page.locator(select).click();
        page.locator(select).getByRole(AriaRole.OPTION,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName(name).setExact(true)).click();
        assertThat(page.locator(select)).containsText(name);
    }

    private String open(Path zip) {
        return ProjectZip.open(page, url("/"), zip);
    }

    private Path zip(String name, SampleSet train, SampleSet tests) throws IOException {
        return ProjectZip.write(files, name, "PRETRAINED", train, tests);
    }
}
