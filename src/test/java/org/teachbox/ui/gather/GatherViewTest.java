package org.teachbox.ui.gather;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.teachbox.project.ImageClass;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectService;
import org.teachbox.ratelimit.CaptureRateLimit;
import org.teachbox.ratelimit.KeyedRateLimit;
import org.teachbox.ui.ServerSideUi;

/** The Gather page on the server: class names it proposes, and refusals said in one sentence. */
@SpringBootTest(properties = "teachbox.data-dir=target/test-data/gather-${random.uuid}")
class GatherViewTest {

    @Autowired
    ProjectService projects;
    @Autowired
    org.teachbox.upload.PictureIntake pictures;
    @Autowired
    org.teachbox.transfer.ProjectFiles files;
    @Autowired
    CaptureRateLimit captures;
    @Autowired
    org.teachbox.upload.UploadFeed feed;

    private final String owner = UUID.randomUUID().toString();
    private final ServerSideUi browser = new ServerSideUi(owner, Locale.ENGLISH);

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void addAClassAfterDeletingClassOneProposesANameNotTakenYet() {
        Project p = projects.create(owner, "Names", ModelKind.IMAGE, List.of("Class 1", "Class 2"));
        GatherView view = browser.enter(new GatherView(projects, pictures, files, captures, feed), p.id().toString());

        ServerSideUi.click(button(ServerSideUi.find(view, ClassCard.class, "class-0"), "Delete class"));
        ServerSideUi.click(ServerSideUi.find(view, Button.class, "add-class"));

        assertThat(projects.classes(owner, p.id())).extracting(ImageClass::name).containsExactly("Class 2", "Class 3");
    }

    @Test
    void addingAClassLeavesTheOtherCardsAsTheyAre() {
        Project p = projects.create(owner, "Three", ModelKind.IMAGE, List.of("cats", "dogs"));
        GatherView view = browser.enter(new GatherView(projects, pictures, files, captures, feed), p.id().toString());
        ClassCard cats = ServerSideUi.find(view, ClassCard.class, "class-0");

        ServerSideUi.click(ServerSideUi.find(view, Button.class, "add-class"));

        // the same card object: an upload still running on it is not cut off by the new class
        assertThat(ServerSideUi.find(view, ClassCard.class, "class-0")).isSameAs(cats);
        assertThat(ServerSideUi.find(view, ClassCard.class, "class-2")).isNotNull();
        assertThat(projects.classes(owner, p.id())).extracting(ImageClass::name).containsExactly("cats", "dogs", "Class 3");
    }

    @Test
    void aFullClassRefusesTheNextFileBeforeDecodingIt() {
        Project p = projects.create(owner, "Full", ModelKind.IMAGE, List.of("cats", "dogs"));
        UUID cats = projects.classes(owner, p.id()).getFirst().id();
        for (int i = 0; i < projects.limits().maxImagesPerClass(); i++) {
            projects.addSample(owner, cats, new byte[] {1}, "image/jpeg");
        }
        SampleIntake intake = new SampleIntake(pictures, captures, owner);

        // A broken file would be called broken if it were decoded; a full class says so first.
        SampleIntake.Result result = intake.accept(cats, "broken.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});

        assertThat(result.stored()).isFalse();
        assertThat(result.messageKey()).isEqualTo("rule.class.full");
    }

    @Test
    void webcamFramesFasterThanTheServerAllowsAreRefusedWithAReasonAndTheRestKept() throws Exception {
        Project p = projects.create(owner, "Flood", ModelKind.IMAGE, List.of("cats", "dogs"));
        UUID cats = projects.classes(owner, p.id()).getFirst().id();
        var frame = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(frame, "jpeg", jpeg);
        // A burst of two, then hardly any more: a script sending ten at once gets two stored.
        SampleIntake intake = new SampleIntake(pictures, new CaptureRateLimit(new KeyedRateLimit(0.01, 2)), owner);

        List<SampleIntake.Result> results = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> intake.acceptCaptured(cats, "webcam.jpg", jpeg.toByteArray())).toList();

        assertThat(results).filteredOn(SampleIntake.Result::stored).hasSize(2);
        assertThat(results).filteredOn(r -> !r.stored()).extracting(SampleIntake.Result::messageKey)
                .containsOnly("capture.too-fast");
        assertThat(projects.classes(owner, p.id()).getFirst().sampleCount()).isEqualTo(2);
    }

    @Test
    void clearingAClassDeletedInAnotherTabSaysSoOnceInsteadOfFailing() {
        Project p = projects.create(owner, "Two tabs", ModelKind.IMAGE, List.of("cats", "dogs"));
        GatherView view = browser.enter(new GatherView(projects, pictures, files, captures, feed), p.id().toString());
        ClassCard cats = ServerSideUi.find(view, ClassCard.class, "class-0");
        projects.deleteClass(owner, projects.classes(owner, p.id()).getFirst().id());

        ServerSideUi.click(button(cats, "Remove all images"));
        ServerSideUi.click(button(cats, "Delete class"));

        assertThat(browser.notifications()).hasSize(2).allSatisfy(text -> assertThat(text)
                .doesNotContain("rule.").doesNotContain("Exception").isNotBlank());
    }

    @Test
    void deletingAPictureThatIsAlreadyGoneSaysSo() {
        Project p = projects.create(owner, "Gone", ModelKind.IMAGE, List.of("cats", "dogs"));
        UUID classId = projects.classes(owner, p.id()).getFirst().id();
        UUID sample = projects.addSample(owner, classId, new byte[]{1, 2, 3}, "image/jpeg");
        GatherView view = browser.enter(new GatherView(projects, pictures, files, captures, feed), p.id().toString());
        projects.deleteSample(owner, sample);

        ServerSideUi.click(ServerSideUi.descendants(view).filter(Button.class::isInstance).map(Button.class::cast)
                .filter(b -> b.getClassNames().contains("tb-thumb-delete")).findFirst().orElseThrow());

        assertThat(browser.notifications()).singleElement().asString().contains("no longer exists");
    }

    @Test
    void uploadReportNamesEachRefusedFileOnceNewestBatchFirst() {
        UploadReport report = new UploadReport();
        browser.ui().add(report);
        for (int i = 0; i < 15; i++) {
            report.added(UploadReport.Source.FILES, "good-" + i + ".png\u00001000");
        }
        for (int i = 0; i < 10; i++) {
            report.refused(UploadReport.Source.FILES, "bad-" + i + "\u00001", "“bad-" + i + "” is broken.");
            // the same file reported again (a browser retry, a second delivery) is still one problem
            report.refused(UploadReport.Source.FILES, "bad-" + i + "\u00001", "“bad-" + i + "” is broken.");
        }
        report.batchFinished();
        report.added(UploadReport.Source.FILES, "next.png\u00001");

        assertThat(ServerSideUi.text(report)).startsWith("1 picture added. 15 of 25 pictures added; 10 could not be used:");
        List<ListItem> lines = ServerSideUi.descendants(report).filter(ListItem.class::isInstance)
                .map(ListItem.class::cast).toList();
        assertThat(lines).hasSize(10);
        assertThat(lines.stream().filter(ListItem::isVisible)).hasSize(UploadReport.LINES_SHOWN);
        Button showAll = ServerSideUi.descendants(report).filter(Button.class::isInstance).map(Button.class::cast)
                .filter(Button::isVisible).findFirst().orElseThrow();
        assertThat(showAll.getText()).isEqualTo("Show all 10");

        ServerSideUi.click(showAll);

        assertThat(lines).allMatch(ListItem::isVisible);
        for (int i = 0; i < 10; i++) {
            String name = "“bad-" + i + "”";
            assertThat(lines.stream().filter(l -> l.getText().contains(name))).as(name).hasSize(1);
        }
    }

    private static Button button(ClassCard card, String text) {
        return ServerSideUi.descendants(card).filter(Button.class::isInstance).map(Button.class::cast)
                .filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }
}
