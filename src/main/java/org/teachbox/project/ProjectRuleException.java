package org.teachbox.project;

import org.teachbox.UserMessage;

/**
 * A request the project rules refuse: a name too long, a full class, a project that is not
 * yours. Carries an i18n key and its arguments, so the UI can say why in the learner's language.
 */
public class ProjectRuleException extends RuntimeException implements UserMessage {

    private final String messageKey;
    private final transient Object[] messageArgs;

    public ProjectRuleException(String messageKey, Object... messageArgs) {
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
