package org.teachbox.ui.preview;

import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Under the live webcam: whether the model runs in this browser and how fast, and how often the
 * server, checking one frame now and then with its own copy of the model, agrees with the
 * browser's answer. The server stays the judge; the browser only saves it the work.
 */
class BrowserRun extends Div {

    private final Paragraph state = new Paragraph();
    private final Paragraph agreement = new Paragraph();
    private int checked;
    private int agreed;
    private int nearTies;
    private double largestGap;

    BrowserRun() {
        addClassName("tb-browser-run");
        state.setId("browser-run");
        state.addClassName("tb-muted");
        agreement.setId("browser-check");
        agreement.addClassName("tb-muted");
        add(state, agreement);
        reset();
    }

    void reset() {
        checked = 0;
        agreed = 0;
        nearTies = 0;
        largestGap = 0;
        state.setText("");
        state.setVisible(false);
        agreement.setText("");
        agreement.setVisible(false);
        getElement().setAttribute("data-largest-gap", "0");
    }

    void ready() {
        state.setText(getTranslation("preview.browser.ready"));
        state.setVisible(true);
    }

    void answered(double framesPerSecond) {
        state.setVisible(true);
        state.setText(getTranslation("preview.browser.fps", String.format(getLocale() == null ? Locale.ROOT : getLocale(),
                "%.1f", framesPerSecond)));
    }

    /**
     * One frame answered by both. Where they name different classes but the server's two
     * classes are level within twice the largest difference between the two answers, the
     * decoders' rounding alone can tip it: a near tie, told apart from a real disagreement.
     */
    void checked(int browserBest, int serverBest, double gap, double serverMargin) {
        checked++;
        if (browserBest == serverBest) {
            agreed++;
        } else if (serverMargin <= 2 * gap) {
            nearTies++;
        }
        largestGap = Math.max(largestGap, gap);
        agreement.setText(nearTies == 0
                ? getTranslation("preview.browser.agree", agreed, checked)
                : getTranslation("preview.browser.agreeTies", agreed, checked, nearTies));
        agreement.setVisible(true);
        getElement().setAttribute("data-agreed", String.valueOf(agreed));
        getElement().setAttribute("data-near-ties", String.valueOf(nearTies));
        getElement().setAttribute("data-checked", String.valueOf(checked));
        getElement().setAttribute("data-largest-gap", String.valueOf(largestGap));
    }

    void failed() {
        state.setText(getTranslation("preview.browser.failed"));
        state.setVisible(true);
        agreement.setVisible(false);
    }
}
