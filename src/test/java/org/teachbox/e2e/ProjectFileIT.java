package org.teachbox.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project travels as a file: download it from Gather, open it again from My projects. */
class ProjectFileIT extends BrowserTest {

    private static final Pattern PROJECT_URL = Pattern.compile(".*/project/([0-9a-f-]{36})$");

    @TempDir
    Path files;

    @Test
    void learnerDownloadsAProjectAndOpensItAgain() throws Exception {
        page.navigate(url("/"));
        page.locator("#new-project-name input").fill("Zip trip");
        page.locator("#create-project").click();
        page.waitForURL(PROJECT_URL);
        String originalUrl = page.url();
        rename(0, "circles");
        rename(1, "squares");
        upload(0, TestImages.shapes(files.resolve("c"), "circle", 4, 1));
        upload(1, TestImages.shapes(files.resolve("s"), "square", 3, 2));
        assertThat(page.locator("#class-0 .tb-count")).hasText("4 images");
        assertThat(page.locator("#class-1 .tb-count")).hasText("3 images");
        screenshot(page, "zip-01-gather-download");

        Download download = page.waitForDownload(() -> page.locator("#download-project").click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("Zip trip.zip");
        Path zip = files.resolve("Zip trip.zip");
        download.saveAs(zip);

        page.navigate(url("/"));
        Locator open = page.locator("#open-project-file");
        assertThat(open).containsText("Open a project file");
        open.scrollIntoViewIfNeeded();
        screenshot(page, "zip-02-projects-open");

        open.locator("vaadin-upload input[type=file]").setInputFiles(zip);
        page.waitForURL(u -> PROJECT_URL.matcher(u).matches() && !u.equals(originalUrl));
        assertThat(page.locator("h1")).hasText("Zip trip");
        assertThat(page.locator("#class-0 .tb-class-name input")).hasValue("circles");
        assertThat(page.locator("#class-1 .tb-class-name input")).hasValue("squares");
        assertThat(page.locator("#class-0 .tb-count")).hasText("4 images");
        assertThat(page.locator("#class-1 .tb-count")).hasText("3 images");
        assertThat(page.locator("#class-0 .tb-thumb-img")).hasCount(4);
        screenshot(page, "zip-03-opened");
    }

    @Test
    void aFileThatIsNotAZipIsExplainedAndAPartlyBadOneNamesItsBadFiles() throws Exception {
        page.navigate(url("/"));
        Locator open = page.locator("#open-project-file");
        Path notAZip = Files.copy(TestImages.shapes(files.resolve("x"), "circle", 1, 3).get(0), files.resolve("holiday.zip"));
        open.locator("vaadin-upload input[type=file]").setInputFiles(notAZip);
        assertThat(open.locator(".tb-open-refused")).containsText("“holiday.zip” could not be opened. This is not a zip file");
        open.scrollIntoViewIfNeeded();
        screenshot(page, "zip-04-refused");

        Path partly = files.resolve("Fruit.zip");
        List<Path> apples = TestImages.shapes(files.resolve("apples"), "circle", 2, 4);
        List<Path> pears = TestImages.shapes(files.resolve("pears"), "square", 2, 5);
        try (OutputStream out = Files.newOutputStream(partly); ZipOutputStream z = new ZipOutputStream(out)) {
            put(z, "apples/a.png", Files.readAllBytes(apples.get(0)));
            put(z, "apples/b.png", Files.readAllBytes(apples.get(1)));
            put(z, "apples/broken.png", "not a picture".getBytes());
            put(z, "pears/a.png", Files.readAllBytes(pears.get(0)));
            put(z, "pears/b.png", Files.readAllBytes(pears.get(1)));
        }
        open.locator("vaadin-upload input[type=file]").setInputFiles(partly);
        page.waitForURL(PROJECT_URL);
        assertThat(page.locator("h1")).hasText("Fruit");
        Locator report = page.locator("#open-report");
        assertThat(report).containsText("4 pictures. One file was left out");
        assertThat(report).containsText("apples/broken.png");
        assertThat(page.locator("#class-0 .tb-thumb-img")).hasCount(2);
        assertThat(page.locator("#class-1 .tb-thumb-img")).hasCount(2);
        settle(page);
        screenshot(page, "zip-05-partly-bad");
    }

    @Test
    void aProjectFileBiggerThanTheMultipartLimitStillOpens() throws Exception {
        Path big = files.resolve("Big.zip");
        List<Path> pictures = TestImages.shapes(files.resolve("b"), "circle", 2, 6);
        byte[] noise = new byte[24 * 1024 * 1024];
        new java.util.Random(1).nextBytes(noise);
        try (OutputStream out = Files.newOutputStream(big); ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(java.util.zip.Deflater.NO_COMPRESSION);
            put(z, "circles/a.png", Files.readAllBytes(pictures.get(0)));
            put(z, "circles/b.png", Files.readAllBytes(pictures.get(1)));
            put(z, "circles/noise.jpg", noise);
        }
        page.navigate(url("/"));
        page.locator("#open-project-file vaadin-upload input[type=file]").setInputFiles(big);
        page.waitForURL(PROJECT_URL);
        assertThat(page.locator("#class-0 .tb-count")).hasText("2 images");
        assertThat(page.locator("#open-report")).containsText("circles/noise.jpg");
    }

    @Test
    void chineseLearnerSeesTheFileTextsInChinese() {
        var zh = newContext("zh-TW");
        Page p = zh.newPage();
        p.setDefaultTimeout(30_000);
        p.navigate(url("/"));
        p.locator("#open-project-file").waitFor();
        assertThat(p.locator("#open-project-file")).containsText("開啟專案檔");
        p.locator("#create-project").click();
        p.waitForURL(PROJECT_URL);
        assertThat(p.locator("#download-project")).containsText("下載專案");
        screenshot(p, "zip-06-gather-zh");
        zh.close();
    }

    private static void put(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }

    private void rename(int index, String name) {
        Locator field = page.locator("#class-" + index + " .tb-class-name input");
        field.fill(name);
        field.press("Enter");
        settle(page);
    }

    private void upload(int index, List<Path> paths) {
        page.locator("#class-" + index + " picture-uploader input[type=file]").setInputFiles(paths.toArray(Path[]::new));
    }
}
