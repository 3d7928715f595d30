package org.teachbox.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One drop of 25 files on a class card, 15 good pictures and 10 bad ones of every kind: all good
 * ones are kept, the card says "15 of 25 pictures added; 10 could not be used", and every bad
 * file is named exactly once, also past the first lines, also in 繁體中文. The files travel
 * several to a request; a request lost on the way names each of its files and loses no other.
 */
class UploadBatchIT extends BrowserTest {

    @TempDir
    Path files;

    @Test
    void everyBadFileOfABigDropIsNamedOnceAndTheGoodOnesAreKept() throws Exception {
        page.navigate(url("/"));
        page.locator("#new-project-name input").fill("Big drop");
        page.locator("#create-project").click();
        page.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));

        List<Path> bad = badFiles(files.resolve("bad"));
        List<Path> drop = new ArrayList<>(TestImages.shapes(files.resolve("good"), "circle", 15, 7));
        // good and bad mixed, as a folder of a learner's downloads would be
        for (int i = 0; i < bad.size(); i++) {
            drop.add(1 + 2 * i, bad.get(i));
        }
        drop(0, drop);

        Locator card = page.locator("#class-0");
        Locator report = card.locator(".tb-upload-report");
        assertThat(report.locator(".tb-batch-summary").first())
                .hasText("15 of 25 pictures added; 10 could not be used:");
        assertThat(card.locator(".tb-count")).hasText("15 images");
        settle(page);
        screenshot(page, "upload-batch-01-collapsed");

        report.locator(".tb-batch-more").first().click();
        settle(page);
        Locator lines = report.locator(".tb-batch").first().locator("li");
        assertThat(lines).hasCount(10);
        for (Path file : bad) {
            String name = file.getFileName().toString();
            org.assertj.core.api.Assertions.assertThat(lines.filter(new Locator.FilterOptions().setHasText(name)).count())
                    .as(name).isEqualTo(1);
        }
        assertThat(lines.filter(new Locator.FilterOptions().setHasText("huge.jpg"))).hasText(Pattern.compile("too big"));
        assertThat(lines.filter(new Locator.FilterOptions().setHasText("empty.png"))).hasText(Pattern.compile("empty"));
        screenshot(page, "upload-batch-02-all");

        // a second, small drop comes first; the big one stays below it
        drop(0, List.of(TestImages.shapes(files.resolve("more"), "circle", 2, 8).get(0), bad.get(1)));
        assertThat(report.locator(".tb-batch-summary").first()).hasText("1 of 2 pictures added; 1 could not be used:");
        assertThat(report.locator(".tb-batch-summary").nth(1)).hasText("15 of 25 pictures added; 10 could not be used:");
        assertThat(card.locator(".tb-count")).hasText("16 images");

        page.locator("#language").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION,
                new Page.GetByRoleOptions().setName("繁體中文")).click();
        assertThat(page.locator(".tb-steps")).containsText("模型透視");
        drop(1, drop);
        Locator zh = page.locator("#class-1 .tb-upload-report");
        assertThat(zh.locator(".tb-batch-summary").first()).hasText("25 個檔案中，已加入 15 張圖片；有 10 個無法使用：");
        zh.locator(".tb-batch-more").first().click();
        settle(page);
        assertThat(zh.locator("li")).hasCount(10);
        assertThat(zh.locator(".tb-batch-more").first()).hasText("收起");
        screenshot(page, "upload-batch-03-zh");
    }

    @Test
    void aRequestLostOnTheWayNamesItsFilesAndTheOtherRequestsStillLand() throws Exception {
        page.navigate(url("/"));
        page.locator("#new-project-name input").fill("Lost on the way");
        page.locator("#create-project").click();
        page.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));
        List<Path> pictures = TestImages.shapes(files.resolve("many"), "square", 40, 9);
        // the first request breaks off; the others are held until the page has shown its progress
        List<com.microsoft.playwright.Route> held = new ArrayList<>();
        page.route("**/upload/**", route -> {
            if (held.isEmpty()) {
                held.add(null);
                route.abort("connectionreset");
            } else {
                held.add(route);
            }
        });

        drop(0, pictures);
        Locator card = page.locator("#class-0");
        Locator progress = card.locator("picture-uploader [role=status]");
        assertThat(progress).hasText("Sending 24 of 40…");
        screenshot(page, "upload-batch-04-sending");
        held.stream().filter(java.util.Objects::nonNull).forEach(com.microsoft.playwright.Route::resume);

        Locator report = card.locator(".tb-upload-report");
        assertThat(report.locator(".tb-batch-summary").first())
                .hasText("16 of 40 pictures added; 24 could not be used:");
        assertThat(card.locator(".tb-count")).hasText("16 images");
        assertThat(progress).hasCount(0);
        report.locator(".tb-batch-more").first().click();
        Locator lines = report.locator(".tb-batch").first().locator("li");
        assertThat(lines).hasCount(24); // the first request held 24 files
        assertThat(lines.first()).hasText(Pattern.compile("“square-.*” did not reach the server: the connection broke off\\."));
        screenshot(page, "upload-batch-05-lost");

        // a drop anywhere on the card counts, not only on the uploader
        page.unroute("**/upload/**");
        page.evaluate("async () => {"
                + " const dt = new DataTransfer();"
                + " for (const [name, colour] of [['dropped-1.png', '#36c'], ['dropped-2.png', '#c63']]) {"
                + "   const c = document.createElement('canvas'); c.width = 160; c.height = 120;"
                + "   const g = c.getContext('2d'); g.fillStyle = '#eee'; g.fillRect(0, 0, 160, 120);"
                + "   g.fillStyle = colour; g.fillRect(40, 30, 60, 50);"
                + "   const blob = await new Promise(done => c.toBlob(done, 'image/png'));"
                + "   dt.items.add(new File([blob], name, { type: 'image/png' }));"
                + " }"
                + " document.querySelector('#class-0 .tb-count').dispatchEvent("
                + "   new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));"
                + "}");
        assertThat(report.locator(".tb-batch-summary").first()).hasText("2 pictures added.");
        assertThat(card.locator(".tb-count")).hasText("18 images");
    }

    private void drop(int card, List<Path> paths) {
        page.locator("#class-" + card + " picture-uploader input[type=file]").setInputFiles(paths.toArray(Path[]::new));
    }

    /** Ten files a learner might drop by mistake, each refused for its own reason. */
    private static List<Path> badFiles(Path dir) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(3);
        List<Path> bad = new ArrayList<>();
        byte[] big = new byte[40 * 1024 * 1024];
        random.nextBytes(big);
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        bad.add(write(dir, "huge.jpg", big));
        bad.add(write(dir, "broken.png", "this is not really a picture".getBytes()));
        bad.add(write(dir, "notes.txt", "shopping list: milk, eggs".getBytes()));
        bad.add(write(dir, "empty.png", new byte[0]));
        bad.add(write(dir, "report.pdf", "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj << >> endobj\n".getBytes()));
        byte[] cut = Files.readAllBytes(TestImages.shapes(dir.resolve("cut"), "square", 1, 5).getFirst());
        bad.add(write(dir, "half-sent.png", java.util.Arrays.copyOf(cut, cut.length / 3)));
        bad.add(write(dir, "gigapixel.png", pngHeader(12_000, 12_000)));
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        bad.add(write(dir, "clip.mp4", noise));
        byte[] gif = "GIF89a".getBytes();
        bad.add(write(dir, "fake.gif", java.util.Arrays.copyOf(gif, 64)));
        bad.add(write(dir, "photo.heic", noise));
        return bad;
    }

    private static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** A PNG signature and a valid header that claims far more pixels than a picture may have. */
    private static byte[] pngHeader(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        data.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream c = new DataOutputStream(chunk);
        c.writeBytes("IHDR");
        c.writeInt(width);
        c.writeInt(height);
        c.write(new byte[]{8, 2, 0, 0, 0});
        byte[] body = chunk.toByteArray();
        data.writeInt(body.length - 4);
        data.write(body);
        CRC32 crc = new CRC32();
        crc.update(body);
        data.writeInt((int) crc.getValue());
        data.write(new byte[64]);
        return out.toByteArray();
    }
}
