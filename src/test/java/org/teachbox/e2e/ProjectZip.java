package org.teachbox.e2e;

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

import com.microsoft.playwright.Page;

import org.teachbox.samples.SampleClass;
import org.teachbox.samples.SampleSet;

/** Teachbox project files (circle and square classes) for browser tests, opened from My projects. */
final class ProjectZip {
    private static final Pattern PROJECT_URL = Pattern.compile(".*/project/([0-9a-f-]{36})$");

    private ProjectZip() {
    }

    /** A project file of the given kind, with test pictures when {@code tests} is given. */
    static Path write(Path dir, String name, String kind, SampleSet train, SampleSet tests) throws IOException {
        Path zip = dir.resolve(name + ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            int n = train.classes().getFirst().images().size();
            put(z, "teachbox.json", ("{\"format\":\"teachbox-project\",\"formatVersion\":1,\"name\":\"" + name
                    + "\",\"kind\":\"" + kind + "\",\"classes\":[{\"name\":\"circle\",\"folder\":\"circle\",\"pictures\":" + n
                    + "},{\"name\":\"square\",\"folder\":\"square\",\"pictures\":" + n + "}]}")
                    .getBytes(StandardCharsets.UTF_8));
            pictures(z, "", train);
            if (tests != null) {
                pictures(z, "test/", tests);
            }
        }
        return zip;
    }

    /** Opens a project file from My projects; returns the project's address. */
    static String open(Page page, String home, Path zip) {
        page.navigate(home);
        page.locator("#open-project-file vaadin-upload input[type=file]").setInputFiles(zip);
        page.waitForURL(u -> PROJECT_URL.matcher(u).matches());
        String address = page.url();
        page.navigate(home);
        return address;
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
