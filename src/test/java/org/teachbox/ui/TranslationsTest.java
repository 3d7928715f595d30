package org.teachbox.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * Both bundles say the same things: every key in English is in 繁體中文 and back, no key is
 * written twice (the second silently wins), and no text holds a plain apostrophe, which
 * MessageFormat takes as a quote, so "network's {1}" would show a literal {1}.
 */
class TranslationsTest {

    private static final Path DIR = Path.of("src/main/resources/vaadin-i18n");

    @Test
    void bothLanguagesHaveTheSameKeysEachOnce() throws IOException {
        List<String> en = keys("translations.properties");
        List<String> zh = keys("translations_zh_TW.properties");
        assertThat(en).doesNotHaveDuplicates();
        assertThat(zh).doesNotHaveDuplicates();
        assertThat(zh).containsExactlyInAnyOrderElementsOf(en);
    }

    @Test
    void noTextHasAnApostropheThatMessageFormatWouldEat() throws IOException {
        for (String file : List.of("translations.properties", "translations_zh_TW.properties")) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(DIR.resolve(file))) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(p.stringPropertyNames()).as(file)
                    .allSatisfy(k -> assertThat(p.getProperty(k)).as(k).doesNotContain("'"));
        }
    }

    private static List<String> keys(String file) throws IOException {
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#") && t.contains("=")) {
                keys.add(t.substring(0, t.indexOf('=')).strip());
            }
        }
        return keys;
    }
}
