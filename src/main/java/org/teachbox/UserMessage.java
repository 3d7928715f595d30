package org.teachbox;

/**
 * Something the learner should be told, as an i18n key and its arguments rather than English
 * text, so each page can say it in the learner's language. Refused uploads and refused project
 * requests both carry one; the UI turns it into a sentence in one place (ui/Messages).
 */
public interface UserMessage {

    String messageKey();

    /** Strings and numbers only, in the order the bundle's {0}, {1}, … expect them. */
    Object[] messageArgs();
}
