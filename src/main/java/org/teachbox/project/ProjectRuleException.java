package org.teachbox.project;

import org.teachbox.RuleException;

/**
 * A request the project rules refuse: a name too long, a full class, a project that is not
 * yours. Carries an i18n key and its arguments, so the UI can say why in the learner's language.
 */
public class ProjectRuleException extends RuleException {

    public ProjectRuleException(String messageKey, Object... messageArgs) {
        super(messageKey, messageArgs);
    }
}
