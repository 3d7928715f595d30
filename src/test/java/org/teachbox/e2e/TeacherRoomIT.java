package org.teachbox.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.TestPropertySource;

/**
 * A lesson with a teacher: the teacher signs in and opens a classroom; two learners join on
 * their own computers (one in 繁體中文) and train; the dashboard follows both live; the teacher
 * stops one training and shows the other's project read-only; a learner comes back on a third
 * computer with name + PIN, and a wrong PIN is refused. Teacher pages stay closed to learners.
 */
@TestPropertySource(properties = "teachbox.teacher.password=classroom-secret")
class TeacherRoomIT extends BrowserTest {

    @TempDir
    Path files;

    private static final LocatorAssertions.ContainsTextOptions LONG =
            new LocatorAssertions.ContainsTextOptions().setTimeout(180_000);

    @Test
    void aTeacherFollowsTwoLearnersLiveStopsOneAndALearnerComesBackWithTheirPin() throws Exception {
        // the teacher's pages send anyone not signed in to the sign-in page
        page.navigate(url("/teacher"));
        page.waitForURL(Pattern.compile(".*/teacher/login.*"));
        signIn(page, "Ms Chen", "not it");
        assertThat(page.locator("#teacher-login")).containsText("Could not sign in");
        signIn(page, "Ms Chen", "classroom-secret");
        page.waitForURL(Pattern.compile(".*/teacher$"));
        assertThat(page.locator("body")).containsText("Signed in as Ms Chen");

        page.locator("#classroom-name input").fill("7B Monday");
        page.locator("#open-classroom").click();
        page.waitForURL(Pattern.compile(".*/teacher/classroom/[0-9a-f-]{36}$"));
        String code = page.locator("#join-code-big").textContent().strip();
        org.assertj.core.api.Assertions.assertThat(code).matches("[2-9A-Z]{6}");
        assertThat(page.locator("#join-url")).hasText(url("/join/" + code));
        assertThat(page.locator("#join-qr")).isVisible();
        assertThat(page.locator("#learners")).containsText("Nobody has joined yet.");
        screenshot(page, "teacher-01-classroom");

        BrowserContext leoComputer = newContext("en-US");
        Page leo = joinAndTrain(leoComputer, code, "Leo", "1234", 3);
        assertThat(leo.locator("#train-verdict")).containsText("Training finished", LONG);

        Locator leoCard = page.locator(".tb-learner-card[data-learner='Leo']");
        assertThat(leoCard.locator(".tb-training-state")).containsText("Trained · ", LONG);
        assertThat(leoCard).containsText("circle: ");

        BrowserContext miaComputer = newContext("zh-TW");
        Page mia = joinAndTrain(miaComputer, code, "<b>Mia</b>", "5678", 300);
        Locator miaCard = page.locator(".tb-learner-card[data-learner='<b>Mia</b>']");
        assertThat(miaCard.locator(".tb-learner-name")).hasText("<b>Mia</b>");
        assertThat(miaCard.locator(".tb-stop-training")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        screenshot(page, "teacher-02-dashboard-live");
        miaCard.locator(".tb-stop-training").click();
        assertThat(miaCard.locator(".tb-training-state")).hasAttribute("data-state", "CANCELLED",
                new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        assertThat(mia.locator("body")).containsText("訓練已停止：是老師在班級頁面上停下來的", LONG);
        screenshot(mia, "teacher-03-learner-stopped-zh");

        // the projector: Leo's project, read-only, with its pictures
        leoCard.locator(".tb-learner-project").first().click();
        page.waitForURL(Pattern.compile(".*/teacher/project/.*"));
        assertThat(page.locator("#readonly-verdict")).containsText("The current model gets");
        Locator firstThumb = page.locator("#readonly-classes .tb-thumb-img").first();
        assertThat(firstThumb).isVisible();
        page.waitForFunction("img => img.complete && img.naturalWidth > 0", firstThumb.elementHandle());
        org.assertj.core.api.Assertions.assertThat(page.locator("#readonly-classes button").count()).isZero();
        page.locator("#projector-upload input[type=file]").setInputFiles(TestImages.shapes(files, "circle", 1, 77).get(0));
        assertThat(page.locator("#projector-preview .tb-bar-value").first()).hasText(Pattern.compile("\\d+%"));
        screenshot(page, "teacher-04-projector");
        page.goBack();
        page.waitForURL(Pattern.compile(".*/teacher/classroom/.*"));

        // the teacher takes the whole classroom home: a folder per learner, each project as a project zip
        Download zip = page.waitForDownload(() -> page.locator("#download-classroom").click());
        Path saved = files.resolve("classroom.zip");
        zip.saveAs(saved);
        try (ZipFile archive = new ZipFile(saved.toFile())) {
            List<String> names = archive.stream().map(ZipEntry::getName).toList();
            org.assertj.core.api.Assertions.assertThat(names).contains("Leo/", "Leo/Shapes example.zip");
            org.assertj.core.api.Assertions.assertThat(names).anyMatch(n -> n.contains("Mia") && n.endsWith(".zip"));
            Path inner = files.resolve("leo.zip");
            Files.write(inner, archive.getInputStream(archive.getEntry("Leo/Shapes example.zip")).readAllBytes());
            try (ZipFile project = new ZipFile(inner.toFile())) {
                org.assertj.core.api.Assertions.assertThat(project.stream().map(ZipEntry::getName))
                        .anyMatch(n -> n.startsWith("circle/")).anyMatch(n -> n.equals("teachbox.json"));
            }
        }

        // Leo forgot his PIN: the teacher sets a new one
        leoCard.locator(".tb-reset-pin").click();
        page.locator("#new-pin input").fill("2468");
        page.locator("#save-pin").click();
        // the "stopped" notice of a moment ago may still be on screen: look for this one by its words
        assertThat(page.locator("vaadin-notification-card",
                new Page.LocatorOptions().setHasText("Leo can now sign in with the new PIN."))).isVisible();

        // a third computer: the wrong PIN is refused, the right one brings Leo's project back
        BrowserContext labPc = newContext("en-US");
        Page again = labPc.newPage();
        again.navigate(url("/join/" + code));
        fillJoin(again, "Leo", "9999");
        assertThat(again.locator("#join-problem")).containsText("Wrong PIN for “Leo”");
        // a refusal empties the PIN field: wait for it, so the next try is not cleared by this answer
        assertThat(again.locator("#join-pin input")).hasValue("");
        fillJoin(again, "Leo", "1234");
        assertThat(again.locator("#join-pin input")).hasValue("");
        assertThat(again.locator("#join-problem")).containsText("Wrong PIN for “Leo”");
        // the dashboard shows the wrong PINs typed for Leo's name, until he signs in
        assertThat(leoCard.locator(".tb-wrong-pins")).containsText("2 wrong PINs", LONG);
        fillJoin(again, "leo", "2468");
        assertThat(again.locator("#learner-name")).containsText("Leo · 7B Monday");
        assertThat(leoCard.locator(".tb-wrong-pins")).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        assertThat(again.locator(".tb-project-card")).hasCount(1);
        assertThat(again.locator(".tb-project-card")).containsText("Shapes");

        // a learner cannot open the teacher's pages
        again.navigate(page.url());
        again.waitForURL(Pattern.compile(".*/teacher/login.*"));
        assertThat(again.locator("#teacher-login")).isVisible();

        // leaving the class goes back to this browser's own (empty) projects
        again.navigate(url("/"));
        String learnerSession = sessionId(again);
        again.locator("#leave-classroom").click();
        again.waitForURL(Pattern.compile(".*/$"));
        assertThat(again.locator("#learner-name")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(sessionId(again)).as("the learner's session ended")
                .isNotEqualTo(learnerSession);
        assertThat(again.locator(".tb-project-card")).hasCount(0);

        // the teacher removes a learner, after a question: the card and the work go, Leo stays
        miaCard.locator(".tb-remove-learner").click();
        assertThat(page.locator("vaadin-dialog")).containsText("This cannot be undone.");
        screenshot(page, "teacher-05-remove-learner");
        page.locator("#confirm-remove").click();
        assertThat(miaCard).hasCount(0);
        assertThat(leoCard).isVisible();

        // ending the classroom deletes its learners' work, after a question
        page.navigate(url("/teacher"));
        page.locator("#classrooms a", new Page.LocatorOptions().setHasText("7B Monday")).click();
        page.locator("#end-classroom").click();
        assertThat(page.locator("vaadin-dialog")).containsText("This cannot be undone.");
        page.locator("#confirm-end").click();
        page.waitForURL(Pattern.compile(".*/teacher$"));
        assertThat(page.locator("#classrooms")).not().containsText("7B Monday");
        again.navigate(url("/join/" + code));
        fillJoin(again, "Leo", "2468");
        assertThat(again.locator("#join-problem")).containsText("There is no class with this code");

        labPc.close();
        leoComputer.close();
        miaComputer.close();
    }

    @Test
    void theDashboardSpeaksChinese() {
        BrowserContext zh = newContext("zh-TW");
        Page teacher = zh.newPage();
        teacher.navigate(url("/teacher/login"));
        assertThat(teacher.locator("h1")).hasText("老師登入");
        signIn(teacher, "陳老師", "classroom-secret");
        teacher.waitForURL(Pattern.compile(".*/teacher$"));
        teacher.locator("#classroom-name input").fill("七年二班");
        teacher.locator("#open-classroom").click();
        assertThat(teacher.locator("#classroom-state")).hasText("開放新同學加入中。");
        teacher.locator("#open-or-close").click();
        assertThat(teacher.locator("#classroom-state")).containsText("已停止加入");
        assertThat(teacher.locator("#learners")).containsText("還沒有人加入。");
        screenshot(teacher, "teacher-05-classroom-zh");
        String code = teacher.locator("#join-code-big").textContent().strip();

        Page late = zh.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("zh-TW")).newPage();
        late.navigate(url("/join/" + code));
        fillJoin(late, "小明", "1111");
        assertThat(late.locator("#join-problem")).containsText("不開放新同學加入");
        screenshot(late, "teacher-06-join-closed-zh");
        late.context().close();
        zh.close();
    }

    private void signIn(Page p, String name, String password) {
        p.locator("#teacher-login input[name='username']").fill(name);
        p.locator("#teacher-login input[name='password']").fill(password);
        p.locator("#teacher-login input[name='password']").press("Enter");
        p.waitForLoadState();
    }

    private static void fillJoin(Page p, String name, String pin) {
        p.locator("#join-name input").fill(name);
        p.locator("#join-pin input").fill(pin);
        p.locator("#join-button").click();
    }

    /** A learner joins on their own computer, opens the Shapes sample and starts training it. */
    private Page joinAndTrain(BrowserContext computer, String code, String name, String pin, int epochs) {
        Page p = computer.newPage();
        p.setDefaultTimeout(30_000);
        p.navigate(url("/join/" + code));
        assertThat(p.locator("#join-code input")).hasValue(code);
        fillJoin(p, name, pin);
        assertThat(p.locator("#learner-name")).containsText(name);
        p.locator("#sample-shapes").click();
        p.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));
        p.locator("#step-train").click();
        p.locator("#advanced").click();
        p.locator("#epochs input").fill(String.valueOf(epochs));
        p.locator("#epochs input").press("Tab");
        settle(p);
        p.locator("#train-button").click();
        return p;
    }

    private static String sessionId(Page page) {
        return page.context().cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> c.value)
                .findFirst().orElse("");
    }
}
