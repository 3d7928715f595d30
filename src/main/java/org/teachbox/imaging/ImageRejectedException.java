/*
 * Why an upload was refused, as an i18n message key plus its arguments, so the UI can
 * tell a learner in their own language which file failed and why. The first argument is
 * always the file name. The English text in getMessage() is only for logs.
 */
package org.teachbox.imaging;

import org.teachbox.UserMessage;

public final class ImageRejectedException extends Exception implements UserMessage {

    public static final String EMPTY = "upload.error.empty";
    public static final String TOO_LARGE = "upload.error.too-large";
    public static final String TOO_MANY_PIXELS = "upload.error.too-many-pixels";
    public static final String SIDE_TOO_LONG = "upload.error.side-too-long";
    public static final String TOO_MUCH_MEMORY = "upload.error.too-much-memory";
    public static final String TOO_SLOW = "upload.error.too-slow";
    public static final String BUSY = "upload.error.busy";
    public static final String UNSUPPORTED = "upload.error.unsupported";
    public static final String CORRUPT = "upload.error.corrupt";

    private static final long serialVersionUID = 1L;

    private final String messageKey;
    // Strings and numbers only, so the exception stays serializable in practice.
    private final transient Object[] messageArgs;

    ImageRejectedException(String messageKey, Throwable cause, Object... messageArgs) {
        super(messageKey + " " + java.util.Arrays.toString(messageArgs), cause, false, false);
        this.messageKey = messageKey;
        this.messageArgs = messageArgs.clone();
    }

    ImageRejectedException(String messageKey, Object... messageArgs) {
        this(messageKey, null, messageArgs);
    }

    @Override
    public String messageKey() {
        return messageKey;
    }

    @Override
    public Object[] messageArgs() {
        return messageArgs == null ? new Object[0] : messageArgs.clone();
    }
}
