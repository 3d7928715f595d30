package org.teachbox.classroom;

import org.teachbox.UserMessage;

/** A classroom request refused with a reason the page can say in the learner's or teacher's language. */
public class ClassroomRuleException extends RuntimeException implements UserMessage {

    private final String messageKey;
    private final transient Object[] messageArgs;

    ClassroomRuleException(String messageKey, Object... messageArgs) {
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
