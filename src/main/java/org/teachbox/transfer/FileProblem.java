package org.teachbox.transfer;

/**
 * Why one file inside a project file was left out, as an i18n key and its arguments (the first is
 * the file's path inside the zip), in the same words a picture upload uses.
 */
public record FileProblem(String messageKey, Object[] args) {
}
