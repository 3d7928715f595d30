package org.teachbox.ui.layout;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;

/**
 * The two languages Teachbox speaks. The first visit follows the browser (any Chinese
 * preference gets Traditional Chinese, the only Chinese we have); the switch in the header
 * overrides it for the rest of the session.
 */
public final class LanguageChoice {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale TRADITIONAL_CHINESE = Locale.TRADITIONAL_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, TRADITIONAL_CHINESE);
    private static final String SESSION_KEY = "teachbox.locale";

    private LanguageChoice() {
    }

    public static Locale forSession(VaadinSession session, VaadinRequest request) {
        Object chosen = session.getAttribute(SESSION_KEY);
        if (chosen instanceof Locale locale) {
            return locale;
        }
        String accept = request == null ? null : request.getHeader("Accept-Language");
        return fromAcceptLanguage(accept);
    }

    public static void remember(VaadinSession session, Locale locale) {
        session.setAttribute(SESSION_KEY, locale);
        session.setLocale(locale);
    }

    /** The first supported language in the browser's list, by the browser's order. */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("zh")) {
                    return TRADITIONAL_CHINESE;
                }
                if (tag.startsWith("en")) {
                    return ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
        return ENGLISH;
    }
}
