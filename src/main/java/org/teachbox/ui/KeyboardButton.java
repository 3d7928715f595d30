package org.teachbox.ui;

import com.vaadin.flow.component.ClickNotifier;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;

/**
 * Makes a clickable element that is not a {@code <button>} (a picture tile, say) work like one for
 * a keyboard and a screen reader: it is announced as a button, Tab reaches it, and Enter or Space
 * does what a click does. Space is kept from scrolling the page, as on a real button.
 */
public final class KeyboardButton {

    private KeyboardButton() {
    }

    public static <C extends Component & ClickNotifier<C>> void make(C component, Runnable action) {
        component.getElement().setAttribute("role", "button");
        component.getElement().setAttribute("tabindex", "0");
        component.addClickListener(e -> action.run());
        Shortcuts.addShortcutListener(component, action::run, Key.ENTER).listenOn(component);
        Shortcuts.addShortcutListener(component, action::run, Key.SPACE).listenOn(component);
    }
}
