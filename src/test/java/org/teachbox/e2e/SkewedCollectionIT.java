package org.teachbox.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teachbox.samples.SampleClass;
import org.teachbox.samples.SampleSet;
import org.teachbox.samples.SampleSets;

/**
 * The bias lab's "Skewed collection": a learner opens a fairly collected and a skewed shapes
 * project (every circle grey, every square tan) and a project with test pictures, trains both
 * collections from the lab and sees them side by side on the test pictures, with the gallery of
 * pictures only the skewed model gets wrong. The runs are still there after a reload, and in 中文.
 */
class SkewedCollectionIT extends BrowserTest {

    private static final Pattern PROJECT_URL = Pattern.compile(".*/project/([0-9a-f-]{36})$");
    private static final LocatorAssertions.IsVisibleOptions LONG =
            new LocatorAssertions.IsVisibleOptions().setTimeout(240_000);

    @TempDir
    Path files;

    @Test
    void fairAndSkewedCollectionsAreJudgedOnThisProjectsTestPictures() throws Exception {
        open(zip("Fair shapes", SampleSets.circlesAndSquares(24, 1, false), null));
        open(zip("Grey circles", SampleSets.circlesAndSquares(24, 2, true), null));
        String judge = open(zip("Judge", SampleSets.circlesAndSquares(4, 3, false),
                SampleSets.circlesAndSquares(10, 4, false)));

        page.navigate(judge + "/bias");
        assertThat(page.locator("#collection-verdict")).containsText("appears here when both collections");
        pick("#collection-fair-project", "Fair shapes");
        pick("#collection-skewed-project", "Grey circles");
        page.locator("#bias-train-collection").click();
        assertThat(page.locator("#collection-skewed")).isVisible(LONG);
        assertThat(page.locator("#collection-fair")).containsText("Fair collection: Fair shapes");
        assertThat(page.locator("#collection-skewed")).containsText("How often each class is predicted on the test pictures");
        assertThat(page.locator("#collection-comparison .tb-run")).hasCount(2);
        assertThat(page.locator("#collection-verdict p").first()).not().isEmpty();
        assertThat(page.locator("#collection-gallery"))
                .containsText(Pattern.compile("Red areas|no test picture that only"), new LocatorAssertions.ContainsTextOptions().setTimeout(120_000));
        page.locator("#collection-comparison").scrollIntoViewIfNeeded();
        settle(page);
        screenshot(page, "collection-01-side-by-side");

        page.reload();
        assertThat(page.locator("#collection-skewed")).isVisible();
        assertThat(page.locator("#collection-skewed")).containsText("Skewed collection: Grey circles");
        assertThat(page.locator("#collection-fair-project")).containsText("Fair shapes");
        assertThat(page.locator("#collection-skewed-project")).containsText("Grey circles");
        settle(page);
        screenshot(page, "collection-02-after-reload");

        BrowserContext taiwan = newContext("zh-TW");
        taiwan.addCookies(context.cookies());
        Page zh = taiwan.newPage();
        zh.navigate(judge + "/bias");
        assertThat(zh.locator("#collection-skewed")).containsText("有偏誤的收集：Grey circles");
        assertThat(zh.locator("#bias-train-collection")).containsText("兩個都訓練");
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

    /** Opens a project file from My projects; returns the project's address. */
    private String open(Path zip) {
        page.navigate(url("/"));
        page.locator("#open-project-file vaadin-upload input[type=file]").setInputFiles(zip);
        page.waitForURL(u -> PROJECT_URL.matcher(u).matches());
        String address = page.url();
        page.navigate(url("/"));
        return address;
    }

    /** A Teachbox project file of the small CNN, with test pictures when {@code tests} is given. */
    private Path zip(String name, SampleSet train, SampleSet tests) throws IOException {
        Path zip = files.resolve(name + ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            int n = train.classes().getFirst().images().size();
            put(z, "teachbox.json", ("{\"format\":\"teachbox-project\",\"formatVersion\":1,\"name\":\"" + name
                    + "\",\"kind\":\"IMAGE\",\"classes\":[{\"name\":\"circle\",\"folder\":\"circle\",\"pictures\":" + n
                    + "},{\"name\":\"square\",\"folder\":\"square\",\"pictures\":" + n + "}]}")
                    .getBytes(StandardCharsets.UTF_8));
            pictures(z, "", train);
            if (tests != null) {
                pictures(z, "test/", tests);
            }
        }
        return zip;
    }

    private static void pictures(ZipOutputStream z, String prefix, SampleSet set) throws IOException {
        for (SampleClass c : set.classes()) {
            int i = 0;
            for (BufferedImage image : c.images()) {
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                put(z, prefix + c.name() + "/" + (i++) + ".png", png.toByteArray());
            }
        }
    }

    private static void put(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }
}
