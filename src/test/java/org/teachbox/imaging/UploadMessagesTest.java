/*
 * Every rejection key has a message in English and in Traditional Chinese, and each one
 * formats into a sentence that names the file. MessageFormat treats an ASCII apostrophe
 * as a quote, so one stray "can't" would silently swallow the file name.
 */
package org.teachbox.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadMessagesTest {

    private static final List<String> KEYS = List.of(
            ImageRejectedException.EMPTY, ImageRejectedException.TOO_LARGE, ImageRejectedException.TOO_MANY_PIXELS,
            ImageRejectedException.UNSUPPORTED, ImageRejectedException.CORRUPT, ImageRejectedException.SIDE_TOO_LONG,
            ImageRejectedException.TOO_MUCH_MEMORY, ImageRejectedException.TOO_SLOW,
            ImageRejectedException.BUSY);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"translations.properties", "translations_zh_TW.properties"})
    void shouldNameTheFileInEveryRejectionMessage(String bundle) throws IOException {
        Properties messages = load(bundle);
        Locale locale = bundle.contains("zh_TW") ? Locale.TRADITIONAL_CHINESE : Locale.ENGLISH;

        for (String key : KEYS) {
            String pattern = messages.getProperty(key);
            assertThat(pattern).as(key).isNotBlank().doesNotContain("'");
            String text = new MessageFormat(pattern, locale).format(new Object[] {"cat.png", 50_000, 50_000, "40", 4000L});
            assertThat(text).as(key).contains("cat.png").doesNotContain("{");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"upload.error.too-large", "upload.error.corrupt"})
    void shouldWriteTheChineseMessagesInChinese(String key) throws IOException {
        assertThat(load("translations_zh_TW.properties").getProperty(key)).containsPattern("\\p{IsHan}");
    }

    private static Properties load(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = UploadMessagesTest.class.getResourceAsStream("/vaadin-i18n/" + bundle)) {
            assertThat(in).as(bundle).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
