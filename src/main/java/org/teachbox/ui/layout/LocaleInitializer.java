package org.teachbox.ui.layout;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;

import org.springframework.stereotype.Component;

/**
 * Gives every new page the session's language before any view is built, tells the browser
 * which language the page is in (screen readers and fonts choose by it: zh-Hant-TW, not the
 * English default), and puts Vaadin's own "connection lost" texts in that language too.
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            Locale locale = LanguageChoice.forSession(ui.getSession(), VaadinRequest.getCurrent());
            ui.setLocale(locale);
            ui.getPage().executeJs("""
                    document.documentElement.lang = $0;
                    const indicator = window.Vaadin && window.Vaadin.connectionIndicator;
                    if (indicator) {
                      indicator.onlineText = $1;
                      indicator.offlineText = $2;
                      indicator.reconnectingText = $3;
                    }""", htmlLanguage(locale), ui.getTranslation("connection.online"),
                    ui.getTranslation("connection.offline"), ui.getTranslation("connection.reconnecting"));
        });
    }

    /** The BCP 47 tag for the page: Traditional Chinese as used in Taiwan is zh-Hant-TW. */
    static String htmlLanguage(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? "zh-Hant-TW" : locale.toLanguageTag();
    }
}
