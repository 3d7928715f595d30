package org.teachbox.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.teachbox.transfer.TestZips.entries;
import static org.teachbox.transfer.TestZips.png;
import static org.teachbox.transfer.TestZips.zip;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.teachbox.imaging.ImageIngest;
import org.teachbox.pretrained.BackboneLibrary;
import org.teachbox.project.ImageClass;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectData;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;

/**
 * Project files against the real database and the real picture pipeline: a download opens again
 * as the same project; hand-made and Teachable Machine zips open; every kind of hostile zip is
 * refused with its own reason and leaves no project behind. The limits are small here (4 classes,
 * 20 pictures, 20 MB unpacked) so the hostile zips stay small too.
 */
@SpringBootTest(properties = {
        "teachbox.data-dir=target/test-data/transfer-${random.uuid}",
        "teachbox.limits.max-classes=4",
        "teachbox.limits.max-images-per-class=20",
        "teachbox.transfer.max-unpacked-size=20MB"})
class ProjectFilesTest {

    @Autowired
    ProjectFiles files;
    @Autowired
    ProjectService projects;
    @Autowired
    ImageIngest ingest;
    @Autowired
    BackboneLibrary backbone;
    @TempDir
    Path dir;

    private final String owner = UUID.randomUUID().toString();

    @Test
    void aDownloadedProjectOpensAgainWithTheSameClassesAndPictures() throws Exception {
        Project original = projects.create(owner, "Pets 寵物", ModelKind.DIGITS, List.of("cat", "dog/wolf", "空的"));
        List<ImageClass> classes = projects.classes(owner, original.id());
        addPictures(classes.get(0), 3, 0);
        addPictures(classes.get(1), 2, 10);

        ProjectFiles.Download download = files.download(owner, original.id());
        byte[] zip = bytes(download);
        assertThat(download.fileName()).isEqualTo("Pets 寵物.zip");
        assertThat(names(zip)).contains("cat/0001.jpg", "cat/0003.jpg", "dog_wolf/0002.jpg", "空的/", "teachbox.json");

        OpenedProject opened = files.open(owner, download.fileName(), write(zip), "fallback");

        assertThat(opened.rejected()).isEmpty();
        assertThat(opened.pictures()).isEqualTo(5);
        Project copy = opened.project();
        assertThat(copy.id()).isNotEqualTo(original.id());
        assertThat(copy.name()).isEqualTo("Pets 寵物");
        assertThat(copy.modelKind()).isEqualTo(ModelKind.DIGITS);
        ProjectData data = projects.data(owner, copy.id());
        assertThat(data.classNames()).containsExactly("cat", "dog/wolf", "空的");
        assertThat(data.classes()).extracting(c -> c.samples().size()).containsExactly(3, 2, 0);
        for (ProjectData.ClassData c : data.classes()) {
            for (var sample : c.samples()) {
                assertThat(ImageIO.read(new ByteArrayInputStream(sample.image()))).isNotNull();
            }
        }
    }

    @Test
    void testPicturesTravelInTheirOwnFolderAndComeBackAsTestPictures() throws Exception {
        // a class called "test" must not be mistaken for the folder of test pictures
        Project original = projects.create(owner, "Fair judge", ModelKind.IMAGE, List.of("cat", "test"));
        List<ImageClass> classes = projects.classes(owner, original.id());
        addPictures(classes.get(0), 3, 0);
        addPictures(classes.get(1), 2, 10);
        addTestPictures(classes.get(0), 2, 20);
        addTestPictures(classes.get(1), 1, 30);

        ProjectFiles.Download download = files.download(owner, original.id());
        byte[] zip = bytes(download);
        assertThat(names(zip)).contains("cat/0003.jpg", "test (2)/0002.jpg", "test/cat/0002.jpg", "test/test (2)/0001.jpg")
                .doesNotContain("cat/0004.jpg", "test (2)/0003.jpg");

        OpenedProject opened = files.open(owner, download.fileName(), write(zip), "fallback");

        assertThat(opened.rejected()).isEmpty();
        ProjectData data = projects.data(owner, opened.project().id());
        assertThat(data.classNames()).containsExactly("cat", "test");
        assertThat(data.classes()).extracting(c -> c.samples().size()).containsExactly(3, 2);
        assertThat(data.classes()).extracting(c -> c.testSamples().size()).containsExactly(2, 1);
        assertThat(projects.classes(owner, opened.project().id())).extracting(ImageClass::testCount).containsExactly(2, 1);
    }

    @Test
    void aZipFromBeforeTestPicturesOpensWithNone() throws Exception {
        Map<String, byte[]> entries = entries();
        entries.put("teachbox.json", """
                {"format":"teachbox-project","formatVersion":1,"name":"Old","kind":"IMAGE",
                 "classes":[{"name":"cat","folder":"cat","pictures":1},{"name":"dog","folder":"dog","pictures":1}]}"""
                .getBytes(StandardCharsets.UTF_8));
        entries.put("cat/0001.jpg", png(1));
        entries.put("dog/0001.jpg", png(2));

        OpenedProject opened = files.open(owner, "old.zip", write(zip(entries)), "fallback");

        ProjectData data = projects.data(owner, opened.project().id());
        assertThat(data.classNames()).containsExactly("cat", "dog");
        assertThat(data.classes()).extracting(c -> c.samples().size()).containsExactly(1, 1);
        assertThat(data.hasTestPictures()).isFalse();
    }

    @Test
    void onlyTheOwnerCanDownloadAProject() {
        Project mine = projects.create(owner, "Mine", ModelKind.IMAGE, List.of("a", "b"));
        assertThatThrownBy(() -> files.download(UUID.randomUUID().toString(), mine.id()))
                .isInstanceOf(ProjectRuleException.class)
                .hasMessage("rule.project.not-found");
    }

    @Test
    void aTeachersZipOfClassFoldersInsideOneTopFolderOpens() throws Exception {
        Map<String, byte[]> e = entries();
        e.put("Animals/dogs/rex.png", png(1));
        e.put("Animals/cats/tom.png", png(2));
        e.put("Animals/cats/kitty.png", png(3));
        e.put("Animals/.DS_Store", new byte[] {0, 1, 2});
        e.put("__MACOSX/Animals/cats/._tom.png", new byte[] {0, 1, 2});
        // macOS spells é as e + combining accent: the class gets the one letter a learner typed
        e.put("Animals/cafe\u0301/cup.png", png(4));

        OpenedProject opened = files.open(owner, "upload.zip", write(zip(e)), "fallback");

        assertThat(opened.rejected()).isEmpty();
        assertThat(opened.project().name()).isEqualTo("Animals");
        assertThat(opened.project().modelKind())
                .isEqualTo(backbone.isAvailable() ? ModelKind.PRETRAINED : ModelKind.IMAGE);
        assertThat(projects.classes(owner, opened.project().id()))
                .extracting(ImageClass::name, ImageClass::sampleCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("café", 1),
                        org.assertj.core.groups.Tuple.tuple("cats", 2),
                        org.assertj.core.groups.Tuple.tuple("dogs", 1));
    }

    @Test
    void aTeachableMachineProjectFileOpensWithItsClassesInOrder() throws Exception {
        Map<String, byte[]> e = entries();
        e.put("manifest.json", """
                {"type":"image","version":"2.4.4","appdata":{"publishResults":{},"trainEpochs":50,
                 "trainBatchSize":16,"trainLearningRate":0.001}}""".getBytes(StandardCharsets.UTF_8));
        e.put("Zebra-!-0.jpg", png(1));
        e.put("Zebra-!-1.jpg", png(2));
        e.put("Ant-!-0.jpg", png(3));

        OpenedProject opened = files.open(owner, "my-model.tm", write(zip(e)), "fallback");

        assertThat(opened.project().name()).isEqualTo("my-model");
        assertThat(projects.classes(owner, opened.project().id()))
                .extracting(ImageClass::name, ImageClass::sampleCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Zebra", 2),
                        org.assertj.core.groups.Tuple.tuple("Ant", 1));
    }

    @Test
    void aTeachableMachineSoundProjectIsRefused() throws Exception {
        Map<String, byte[]> e = entries();
        e.put("manifest.json", "{\"type\":\"audio\"}".getBytes(StandardCharsets.UTF_8));
        e.put("Clap-!-0.jpg", png(1));
        assertRefused(zip(e), "transfer.error.tm-not-image", "audio");
    }

    @Test
    void aPartlyBrokenZipKeepsTheGoodPicturesAndNamesTheBadFiles() throws Exception {
        Map<String, byte[]> e = entries();
        e.put("cats/one.png", png(1));
        e.put("cats/two.png", png(2));
        e.put("cats/broken.png", "not a picture at all".getBytes(StandardCharsets.UTF_8));
        e.put("dogs/rex.png", png(3));
        e.put("dogs/notes.txt", "good dog".getBytes(StandardCharsets.UTF_8));
        e.put("readme.png", png(4));

        OpenedProject opened = files.open(owner, "pets.zip", write(zip(e)), "fallback");

        assertThat(opened.pictures()).isEqualTo(3);
        assertThat(projects.classes(owner, opened.project().id())).extracting(ImageClass::sampleCount)
                .containsExactly(3 - 1, 1);
        assertThat(opened.rejected()).extracting(FileProblem::messageKey).containsExactlyInAnyOrder(
                "transfer.rejected.not-in-folder", "upload.error.unsupported", "upload.error.unsupported");
        assertThat(opened.rejected()).extracting(p -> p.args()[0])
                .containsExactlyInAnyOrder("readme.png", "cats/broken.png", "dogs/notes.txt");
    }

    @Test
    void aZipWithNoPictureThatOpensMakesNoProject() throws Exception {
        Map<String, byte[]> e = entries();
        e.put("cats/broken.png", "nope".getBytes(StandardCharsets.UTF_8));
        ProjectFileException refused = assertRefused(zip(e), "transfer.error.no-pictures");
        assertThat(refused.rejected()).extracting(p -> p.args()[0]).containsExactly("cats/broken.png");
    }

    @Test
    void aPathLeadingOutOfTheZipIsRefused() throws Exception {
        assertRefused(zipOf("cats/../../evil.png"), "transfer.error.unsafe-path", "cats/../../evil.png");
        assertRefused(zipOf("..\\evil.png"), "transfer.error.unsafe-path", "..\\evil.png");
    }

    @Test
    void anAbsolutePathIsRefused() throws Exception {
        assertRefused(zipOf("/etc/cats/a.png"), "transfer.error.absolute-path", "/etc/cats/a.png");
        assertRefused(zipOf("C:/cats/a.png"), "transfer.error.absolute-path", "C:/cats/a.png");
    }

    @Test
    void aSymbolicLinkIsRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            ZipArchiveEntry picture = new ZipArchiveEntry("cats/a.png");
            zip.putArchiveEntry(picture);
            zip.write(png(1));
            zip.closeArchiveEntry();
            ZipArchiveEntry link = new ZipArchiveEntry("cats/passwd.png");
            link.setUnixMode(0120777);
            zip.putArchiveEntry(link);
            zip.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        assertRefused(bytes.toByteArray(), "transfer.error.link", "cats/passwd.png");
    }

    @Test
    void aZipThatClaimsToUnpackToTooMuchIsRefusedBeforeUnpacking() throws Exception {
        assertRefused(zip(bomb()), "transfer.error.too-big-unpacked", "20 MB");
    }

    @Test
    void aZipThatLiesAboutItsSizesIsStoppedWhileUnpacking() throws Exception {
        byte[] lying = TestZips.lieAboutSizes(zip(bomb()), 1000);
        assertRefused(lying, "transfer.error.too-big-unpacked", "20 MB");
    }

    @Test
    void aZipWithTooManyEntriesIsRefused() throws Exception {
        Map<String, byte[]> e = entries();
        // 4 classes × (20 pictures + 20 test pictures + two folders) + 100 litter entries are allowed
        for (int i = 0; i < 300; i++) {
            e.put("cats/" + i + ".png", new byte[] {1});
        }
        assertRefused(zip(e), "transfer.error.too-many-files", 268);
    }

    @Test
    void aZipInsideTheZipIsRefused() throws Exception {
        Map<String, byte[]> byName = entries();
        byName.put("cats/a.png", png(1));
        byName.put("cats/more.zip", zipOf("dogs/b.png"));
        assertRefused(zip(byName), "transfer.error.nested-zip", "cats/more.zip");

        Map<String, byte[]> byContent = entries();
        byContent.put("cats/a.png", png(1));
        byContent.put("cats/b.jpg", zipOf("dogs/b.png"));
        assertRefused(zip(byContent), "transfer.error.nested-zip", "cats/b.jpg");
    }

    @Test
    void moreClassesThanAProjectMayHaveAreRefused() throws Exception {
        Map<String, byte[]> e = entries();
        for (String c : List.of("a", "b", "c", "d", "e")) {
            e.put(c + "/1.png", png(1));
        }
        assertRefused(zip(e), "transfer.error.too-many-classes", 5, 4);
    }

    @Test
    void morePicturesThanAClassMayHoldAreRefused() throws Exception {
        Map<String, byte[]> e = entries();
        for (int i = 0; i < 21; i++) {
            e.put("cats/" + i + ".png", png(i));
        }
        e.put("dogs/1.png", png(1));
        assertRefused(zip(e), "transfer.error.too-many-pictures", "cats", 21, 20);
    }

    @Test
    void namesThatAreNotUtf8AreRefused() throws Exception {
        Map<String, byte[]> e = entries();
        e.put("貓/1.png", png(1));
        // what an older Windows in Taiwan writes: Big5 bytes, no UTF-8 flag
        assertRefused(zip(e, Charset.forName("Big5")), "transfer.error.names-not-utf8");
    }

    @Test
    void aZipWithoutClassFoldersIsRefused() throws Exception {
        Map<String, byte[]> e = entries();
        e.put("one.png", png(1));
        e.put("two.png", png(2));
        assertRefused(zip(e), "transfer.error.no-classes");
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws Exception {
        assertRefused(png(1), "transfer.error.not-a-zip");
        assertRefused(new byte[0], "transfer.error.not-a-zip");
    }

    @Test
    void aHostileClassNameGetsAClearMessage() throws Exception {
        // a right-to-left override makes "gnp.exe" display as "exe.png"
        assertRefused(zipOf("\u202Egnp.exe/1.png"), "transfer.error.class-name.invalid", "?gnp.exe", 40);
        assertRefused(zipOf("x".repeat(41) + "/1.png"), "transfer.error.class-name.too-long", "x".repeat(41), 40);
        Map<String, byte[]> twins = entries();
        twins.put("Cat/1.png", png(1));
        twins.put("cat/2.png", png(2));
        assertRefused(zip(twins), "transfer.error.class-duplicate");
    }

    private ProjectFileException assertRefused(byte[] zip, String key, Object... args) throws IOException {
        int before = projects.projectsOf(owner).size();
        ProjectFileException refused = catchThrowableOfType(ProjectFileException.class,
                () -> files.open(owner, "file.zip", write(zip), "fallback"));
        assertThat(refused).as("refused with " + key).isNotNull();
        assertThat(refused.messageKey()).isEqualTo(key);
        if (args.length > 0) {
            assertThat(refused.messageArgs()).containsExactly(args);
        }
        assertThat(projects.projectsOf(owner)).as("no project left behind").hasSize(before);
        return refused;
    }

    /** Three entries of 10 MB of zeros each: a few kilobytes of zip, 30 MB unpacked. */
    private static Map<String, byte[]> bomb() {
        Map<String, byte[]> e = entries();
        for (int i = 0; i < 3; i++) {
            e.put("cats/" + i + ".png", new byte[10 * 1024 * 1024]);
        }
        return e;
    }

    private static byte[] zipOf(String path) {
        Map<String, byte[]> e = entries();
        e.put(path, png(1));
        return zip(e);
    }

    private void addPictures(ImageClass c, int n, int seed) throws Exception {
        for (int i = 0; i < n; i++) {
            var stored = ingest.ingest("p.png", png(seed + i));
            projects.addSample(owner, c.id(), stored.bytes(), stored.mimeType());
        }
    }

    private void addTestPictures(ImageClass c, int n, int seed) throws Exception {
        for (int i = 0; i < n; i++) {
            var stored = ingest.ingest("t.png", png(seed + i));
            projects.addSample(owner, c.id(), stored.bytes(), stored.mimeType(), org.teachbox.project.Shelf.TEST);
        }
    }

    private static byte[] bytes(ProjectFiles.Download download) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        download.writeTo(out);
        return out.toByteArray();
    }

    private static List<String> names(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private Path write(byte[] zip) throws IOException {
        return Files.write(Files.createTempFile(dir, "project", ".zip"), zip);
    }
}
