package org.teachbox.classroom;

import org.teachbox.RuleException;

/** A classroom request refused with a reason the page can say in the learner's or teacher's language. */
public class ClassroomRuleException extends RuleException {

    ClassroomRuleException(String messageKey, Object... messageArgs) {
        super(messageKey, messageArgs);
    }
}
