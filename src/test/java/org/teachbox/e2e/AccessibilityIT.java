package org.teachbox.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

/**
 * Every page a learner and a teacher see, in English and in 繁體中文, checked by axe-core as it
 * stands after real use: a classroom opened, a learner joined, pictures uploaded, a model
 * trained, a matrix cell and a heat map opened, a prediction shown, the projector view. Any
 * serious or critical finding fails the test, with the rule, the page and the elements.
 */
@TestPropertySource(properties = "teachbox.teacher.password=classroom-secret")
class AccessibilityIT extends BrowserTest {

    private static final LocatorAssertions.ContainsTextOptions TRAINING =
            new LocatorAssertions.ContainsTextOptions().setTimeout(180_000);

    @TempDir
    Path files;

    private final List<String> findings = new ArrayList<>();
    private String locale;

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "zh-TW"})
    void noSeriousProblemOnAnyPage(String locale) throws Exception {
        this.locale = locale;
        BrowserContext teacherComputer = newContext(locale);
        Page teacher = teacherComputer.newPage();
        teacher.setDefaultTimeout(30_000);
        teacher.navigate(url("/teacher/login"));
        check(teacher, "teacher-sign-in");
        teacher.locator("#teacher-login input[name='username']").fill("Ms Chen");
        teacher.locator("#teacher-login input[name='password']").fill("classroom-secret");
        teacher.locator("#teacher-login input[name='password']").press("Enter");
        teacher.waitForURL(Pattern.compile(".*/teacher$"));
        check(teacher, "teacher-home");
        teacher.locator("#classroom-name input").fill("7B");
        teacher.locator("#open-classroom").click();
        teacher.waitForURL(Pattern.compile(".*/teacher/classroom/[0-9a-f-]{36}$"));
        String classroomUrl = teacher.url();
        check(teacher, "classroom-empty");
        String code = teacher.locator("#join-code-big").textContent().strip();

        page.close();
        BrowserContext learnerComputer = newContext(locale);
        Page learner = learnerComputer.newPage();
        learner.setDefaultTimeout(30_000);
        learner.navigate(url("/join/" + code));
        check(learner, "join");
        learner.locator("#join-name input").fill("Leo");
        learner.locator("#join-pin input").fill("1234");
        learner.locator("#join-button").click();
        assertThat(learner.locator("#learner-name")).containsText("Leo");
        check(learner, "projects");

        learner.locator("#new-project-name input").fill("Shapes");
        learner.locator("#create-project").click();
        learner.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));
        upload(learner, 0, TestImages.shapes(files.resolve("c"), "circle", 10, 1));
        List<Path> squares = new ArrayList<>(TestImages.shapes(files.resolve("s"), "square", 10, 2));
        squares.add(TestImages.broken(files));
        upload(learner, 1, squares);
        assertThat(learner.locator("#class-1 .tb-problems")).containsText("broken.png");
        // the live region says how the upload went, in the page's words
        Locator announcer = learner.locator("#announcer");
        assertThat(announcer).hasAttribute("aria-live", "polite");
        assertThat(announcer).hasText(learner.locator("#class-1 .tb-batch-summary").first().textContent().strip());
        check(learner, "gather");
        // the webcam (Chromium's fake camera) and the folded test-pictures shelf, opened
        learner.locator("#class-0 .tb-webcam-button").click();
        learner.locator("#class-0 webcam-capture button.record:not([disabled])").waitFor();
        learner.locator("#class-1 .tb-test-toggle").click();
        assertThat(learner.locator("#class-1 .tb-test-body")).isVisible();
        check(learner, "gather-webcam-and-test-shelf");

        learner.locator("#step-train").click();
        assertThat(learner.locator("#train-button")).isVisible();
        check(learner, "train-before");
        learner.locator("#advanced").click();
        learner.locator("#epochs input").fill("6");
        learner.locator("#epochs input").press("Tab");
        settle(learner);
        check(learner, "train-advanced");
        learner.locator("#train-button").click();
        assertThat(learner.locator("#train-verdict")).containsText("%", TRAINING);
        // ...and that training finished, with the verdict, though the learner may be looking elsewhere
        assertThat(announcer).hasText(learner.locator("#train-verdict").textContent().strip());
        if (locale.startsWith("en")) {
            assertThat(announcer).containsText("Training finished");
        } else {
            assertThat(announcer).containsText("訓練完成");
        }
        settle(learner);
        // each chart has its numbers as a table too, one row per epoch
        learner.locator("#accuracy-chart summary").click();
        learner.locator("#loss-chart summary").click();
        assertThat(learner.locator("#accuracy-chart tbody tr")).hasCount(6);
        assertThat(learner.locator("#loss-chart tbody tr")).hasCount(6);
        assertThat(learner.locator("#accuracy-chart tbody tr").last().locator("td").first())
                .hasText(Pattern.compile("\\d+(\\.\\d)?%"));
        check(learner, "train-after");

        learner.locator("#step-insights").click();
        Locator matrix = learner.locator("#confusion-matrix");
        matrix.locator("button.diagonal").first().click();
        learner.locator("#cell-gallery .tb-tile").first().click();
        assertThat(learner.locator("#gallery-saliency img")).isVisible();
        check(learner, "insights");

        learner.locator("#step-preview").click();
        learner.locator("#preview-upload input[type=file]").setInputFiles(
                TestImages.shapes(files.resolve("p"), "circle", 1, 99).get(0));
        assertThat(learner.locator("#confidence-bars .tb-bar-value").first()).hasText(Pattern.compile("\\d+%"));
        check(learner, "preview");

        learner.locator("#step-bias").click();
        assertThat(learner.locator("#bias-train-fair")).isVisible();
        check(learner, "bias-lab");
        // with its fair and skewed runs side by side: bars, matrices, heat maps
        LocatorAssertions.IsVisibleOptions lab = new LocatorAssertions.IsVisibleOptions().setTimeout(240_000);
        learner.locator("#bias-train-fair").click();
        assertThat(learner.locator("#run-fair")).isVisible(lab);
        learner.locator("#bias-train-skewed").click();
        assertThat(learner.locator("#run-skewed")).isVisible(lab);
        assertThat(learner.locator("#bias-saliency img")).hasCount(2);
        check(learner, "bias-lab-results");

        teacher.navigate(classroomUrl);
        Locator card = teacher.locator(".tb-learner-card[data-learner='Leo']");
        assertThat(card.locator(".tb-training-state")).hasAttribute("data-state", "FINISHED");
        check(teacher, "classroom-with-learner");
        card.locator(".tb-learner-project").first().click();
        teacher.waitForURL(Pattern.compile(".*/teacher/project/.*"));
        teacher.locator("#projector-upload input[type=file]").setInputFiles(
                TestImages.shapes(files.resolve("q"), "square", 1, 77).get(0));
        assertThat(teacher.locator("#projector-preview .tb-bar-value").first()).hasText(Pattern.compile("\\d+%"));
        check(teacher, "projector");

        learnerComputer.close();
        teacherComputer.close();
        org.assertj.core.api.Assertions.assertThat(findings)
                .withFailMessage(() -> "axe-core found serious or critical problems (" + locale + "):\n"
                        + String.join("\n", findings))
                .isEmpty();
    }

    private void check(Page p, String name) throws Exception {
        settle(p);
        screenshot(p, "a11y-" + locale + "-" + name);
        for (String violation : Axe.seriousViolations(p)) {
            findings.add(name + ": " + violation);
        }
    }

    private static void upload(Page p, int index, List<Path> paths) {
        p.locator("#class-" + index + " picture-uploader input[type=file]").setInputFiles(paths.toArray(Path[]::new));
        assertThat(p.locator("#class-" + index + " .tb-count")).hasText(Pattern.compile(".*" + 10 + ".*"));
    }
}
