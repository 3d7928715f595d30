package org.teachbox.transfer;

import java.util.List;

/**
 * A project file that is refused as a whole: not a zip, a hostile zip, or one that would break
 * the project limits. Nothing was created. Carries an i18n key with its arguments, and the files
 * that were refused one by one, if it got that far.
 */
public class ProjectFileException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] messageArgs;
    private final transient List<FileProblem> rejected;

    ProjectFileException(String messageKey, Object... messageArgs) {
        this(List.of(), messageKey, messageArgs);
    }

    ProjectFileException(List<FileProblem> rejected, String messageKey, Object... messageArgs) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.messageArgs = messageArgs.clone();
        this.rejected = List.copyOf(rejected);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] messageArgs() {
        return messageArgs.clone();
    }

    public List<FileProblem> rejected() {
        return rejected;
    }
}
