package org.teachbox.ui.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;

/**
 * The page's one polite live region: what it says, a screen reader reads out when the learner is
 * not looking at that part of the page, such as "Training finished…" while they read the curves,
 * or "12 pictures added." after an upload. It is invisible; the same words are on the page too.
 */
public final class Announcer extends Div {

    /** Screen readers announce a change; the same words twice are made different by a trailing space. */
    private boolean again;

    Announcer() {
        setId("announcer");
        addClassName("tb-sr-only");
        getElement().setAttribute("role", "status");
        getElement().setAttribute("aria-live", "polite");
        getElement().setAttribute("aria-atomic", "true");
    }

    /** Says {@code text} through the live region of the page {@code from} is on (none: nothing to say it with). */
    public static void announce(Component from, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        MainLayout page = from.findAncestor(MainLayout.class);
        if (page != null) {
            page.announcer().say(text);
        }
    }

    private void say(String text) {
        again = !again;
        setText(again ? text : text + "\u00a0");
    }
}
