package org.teachbox.classroom;

import java.util.Locale;

import org.teachbox.project.Names;

/**
 * A learner's display name: cleaned like every other name (no control characters, not empty,
 * not too long) and compared without case, so "Leo" and "leo" are one learner. Names are always
 * shown as text, so "<b>Leo</b>" is a strange name, not markup.
 */
final class LearnerNames {

    static final int MAX_LENGTH = 30;

    private LearnerNames() {
    }

    static String clean(String typed) {
        return Names.clean(typed, MAX_LENGTH);
    }

    static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
