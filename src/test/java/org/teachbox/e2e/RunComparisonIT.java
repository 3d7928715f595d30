package org.teachbox.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import org.junit.jupiter.api.Test;

/**
 * The learning-rate exercise: train the digits twice with different learning rates, overlay the
 * two runs, read the difference in the legend, name a run and bring its model back.
 */
class RunComparisonIT extends BrowserTest {

    private static final LocatorAssertions.IsVisibleOptions LONG = new LocatorAssertions.IsVisibleOptions().setTimeout(180_000);

    @Test
    void twoLearningRatesOverlaidWithTheirSettingsInTheLegend() {
        page.navigate(url("/"));
        page.locator("#sample-digits").click();
        page.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));
        // straight to Train: on a loaded machine a click while the 400 thumbnails still arrive can be lost
        page.navigate(page.url() + "/train");
        assertThat(page.locator("#runs")).containsText("No runs yet");
        page.locator("#advanced").click();
        setField("#epochs input", "6");

        page.locator("#train-button").click();
        assertThat(page.locator("#run-1")).isVisible(LONG);
        assertThat(page.locator("#run-1")).containsText("In use");
        assertThat(page.locator("#curves-note")).containsText("The model kept is the one from epoch");

        setField("#learning-rate input", "0.1");
        page.locator("#train-button").click();
        assertThat(page.locator("#run-2")).isVisible(LONG);
        assertThat(page.locator("#run-2")).containsText("lr 0.1 · 6 epochs");
        // the newest run is ticked; tick the first as well to overlay both
        assertThat(page.locator("#run-2 vaadin-checkbox")).hasAttribute("checked", "");
        page.locator("#run-1 vaadin-checkbox").click();
        settle(page);
        assertThat(page.locator("#curves-note")).containsText("Each run has its own colour and its own line");
        // told apart without colour too: each run's lines have their own dash pattern
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => document.querySelector('#loss-chart')"
                + ".chart.data.datasets.map(d => JSON.stringify(d.borderDash))"))
                .isEqualTo(List.of("[]", "[]", "[8,4]", "[8,4]"));
        org.assertj.core.api.Assertions.assertThat(legend("#loss-chart"))
                .containsExactly("lr 0.001 · Training", "lr 0.001 · Validation", "lr 0.1 · Training", "lr 0.1 · Validation");
        org.assertj.core.api.Assertions.assertThat(legend("#accuracy-chart")).contains("lr 0.001 · Validation", "lr 0.1 · Validation");

        Locator name = page.locator("#run-1 .tb-run-name input");
        name.fill("slow and steady");
        name.press("Enter");
        settle(page);
        page.locator("#run-2 vaadin-checkbox").click();
        page.locator("#run-2 vaadin-checkbox").click();
        settle(page);
        org.assertj.core.api.Assertions.assertThat(legend("#loss-chart")).contains("slow and steady (lr 0.001) · Training");
        page.locator("#runs").scrollIntoViewIfNeeded();
        screenshot(page, "20-runs-compared");

        // bring back the first run's model: Under the hood then shows it
        page.locator("#run-1 .tb-run-use").click();
        settle(page);
        assertThat(page.locator("#run-1")).containsText("In use");
        page.locator("#step-insights").click();
        page.waitForURL(Pattern.compile(".*/insights$"));
        assertThat(page.locator("#per-class")).isVisible();
        assertThat(page.locator("#runs #run-1")).containsText("In use");
        assertThat(page.locator("#runs #run-2 .tb-run-use")).isVisible();
        screenshot(page, "21-runs-insights");

        page.locator("#language").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("繁體中文")).click();
        assertThat(page.locator("#runs")).containsText("你的訓練紀錄");
        page.locator("#runs #run-2 vaadin-checkbox").click();
        settle(page);
        org.assertj.core.api.Assertions.assertThat(legend("#loss-chart")).contains("slow and steady（學習率 0.001） · 訓練");
        // layer names in the learner's words, numbered layers included, the usual name kept beside them
        assertThat(page.locator("#model-summary")).containsText("全連接層（dense_1）");
        screenshot(page, "22-runs-insights-zh");
    }

    @Test
    void aLongRunSaysWhetherTheCurvesPartAndNamesTheBestEpoch() {
        page.navigate(url("/"));
        page.locator("#sample-digits").click();
        page.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));
        // straight to Train: on a loaded machine a click while the 400 thumbnails still arrive can be lost
        page.navigate(page.url() + "/train");
        page.locator("#advanced").click();
        setField("#epochs input", "40");
        setField("#learning-rate input", "0.01");
        page.locator("#train-button").click();
        assertThat(page.locator("#train-term-batch")).hasText("Batch size 16: how many pictures go into each step.");
        assertThat(page.locator("#run-1")).isVisible(LONG);
        // augmented digits keep validation close to training (measured: 40 epochs, lr 0.01); the
        // rule that marks a gap is tested on curves that do part, in CurveReadingTest
        assertThat(page.locator("#curves-note")).containsText("no sign of overfitting. The model kept is the one from epoch");
        page.locator("#loss-chart").scrollIntoViewIfNeeded();
        screenshot(page, "23-runs-overfitting");
    }

    @Test
    void aRunThatBlowsUpOffersToTrainAgainWithATenthOfTheLearningRate() {
        page.navigate(url("/"));
        page.locator("#sample-digits").click();
        page.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));
        page.navigate(page.url() + "/train");
        page.locator("#advanced").click();
        setField("#epochs input", "3");
        setField("#learning-rate input", "1000");
        page.locator("#advanced vaadin-select").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("SGD (plain gradient descent)")).click();
        settle(page);
        page.locator("#train-button").click();
        assertThat(page.locator("#diverged-hint")).isVisible(LONG);
        assertThat(page.locator("#diverged-hint")).containsText("Try one ten times smaller");
        assertThat(page.locator("#run-1")).containsText("Blew up");
        assertThat(page.locator("#retry-smaller-lr")).hasText("Train again with learning rate 100 (instead of 1000)");
        screenshot(page, "24-runs-diverged");
        page.locator("#retry-smaller-lr").click();
        assertThat(page.locator("#run-2")).isVisible(LONG);
        assertThat(page.locator("#run-2")).containsText("lr 100 · 3 epochs");
        assertThat(page.locator("#learning-rate input")).hasValue("100");
    }

    /**
     * The learning-rate exercise on the Shapes sample (small network): Adam at learning rate 10
     * does not blow up into NaN, and used to end with "Training finished" and no word. Now the page
     * says the rate is too big, in English and in 繁體中文, and the loss chart, whose first epochs
     * reach millions, switches to a logarithmic axis so the later ones stay readable.
     */
    @Test
    void aFarTooBigLearningRateThatLearnsNothingGetsTheHintInBothLanguages() {
        Page english = page;
        Page chinese = newContext("zh-TW").newPage();
        for (Page p : List.of(english, chinese)) {
            p.navigate(url("/"));
            p.locator("#sample-shapes").click();
            p.waitForURL(Pattern.compile(".*/project/[0-9a-f-]{36}$"));
            p.navigate(p.url() + "/train");
            p.locator("#advanced").click();
            p.locator("#epochs input").fill("12");
            p.locator("#epochs input").press("Tab");
            p.locator("#learning-rate input").fill("10");
            p.locator("#learning-rate input").press("Tab");
            settle(p);
            p.locator("#train-button").click();
        }
        assertThat(english.locator("#diverged-hint")).isVisible(LONG);
        assertThat(english.locator("#diverged-hint")).containsText("Try one ten times smaller");
        assertThat(english.locator("#retry-smaller-lr")).hasText("Train again with learning rate 1 (instead of 10)");
        assertThat(english.locator("#loss-chart")).hasAttribute("log-scale", "");
        english.locator("#loss-chart").scrollIntoViewIfNeeded();
        screenshot(english, "25-runs-learned-nothing");

        assertThat(chinese.locator("#diverged-hint")).isVisible(LONG);
        assertThat(chinese.locator("#diverged-hint")).containsText("試試小十倍的學習率");
        assertThat(chinese.locator("#retry-smaller-lr")).containsText("改用學習率 1 重新訓練");
        screenshot(chinese, "25-runs-learned-nothing-zh");
        chinese.context().close();
    }

    private void setField(String selector, String value) {
        page.locator(selector).fill(value);
        page.locator(selector).press("Tab");
        settle(page);
    }

    @SuppressWarnings("unchecked")
    private List<String> legend(String chart) {
        page.waitForFunction("c => { const el = document.querySelector(c); return el && el.chart && el.chart.legend"
                + " && el.chart.legend.legendItems && el.chart.legend.legendItems.length > 0; }", chart);
        return (List<String>) page.evaluate("c => document.querySelector(c).chart.legend.legendItems.map(i => i.text)", chart);
    }
}
