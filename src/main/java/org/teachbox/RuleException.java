package org.teachbox;

/**
 * A request the app's rules refuse, with the reason as an i18n key and its arguments, so the page
 * can say it in the learner's or teacher's language. One base for every feature's refusals: pages
 * and the error handler treat them all alike through {@link UserMessage}.
 */
public class RuleException extends RuntimeException implements UserMessage {

    private final String messageKey;
    private final transient Object[] messageArgs;

    protected RuleException(String messageKey, Object... messageArgs) {
        super(messageKey);
        this.messageKey = messageKey;
        this.messageArgs = messageArgs;
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
