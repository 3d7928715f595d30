package org.teachbox.upload;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The app's own bundles (the ones Vaadin pages use) for answers given outside a Vaadin page:
 * English, or 繁體中文 when the page asks for it or the browser prefers Chinese.
 */
final class Translations {

    private static final String BUNDLE = "vaadin-i18n/translations";
    private static final ResourceBundle.Control EXACT =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** {@code lang} is the page's own language tag; without it, the browser's first choice. */
    static Locale locale(String lang, String acceptLanguage) {
        String tag = lang != null && !lang.isBlank() ? lang : acceptLanguage;
        return tag != null && tag.strip().toLowerCase(Locale.ROOT).startsWith("zh") ? Locale.TRADITIONAL_CHINESE : Locale.ENGLISH;
    }

    String get(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE,
                locale.getLanguage().equals("zh") ? Locale.TRADITIONAL_CHINESE : Locale.ROOT, EXACT);
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
