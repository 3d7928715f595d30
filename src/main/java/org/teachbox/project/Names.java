package org.teachbox.project;

/**
 * Cleans a name typed by a learner. Names are shown as text (never as HTML), so markup is
 * harmless; what we refuse is what would confuse: nothing at all, control characters, or a
 * name too long to show on a card.
 */
public final class Names {

    private Names() {
    }

    public static String clean(String raw, int maxLength) {
        String name = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw new ProjectRuleException("rule.name.empty");
        }
        if (name.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.PRIVATE_USE
                || Character.getType(c) == Character.UNASSIGNED)) {
            throw new ProjectRuleException("rule.name.invalid");
        }
        if (name.codePointCount(0, name.length()) > maxLength) {
            throw new ProjectRuleException("rule.name.too-long", maxLength);
        }
        return name;
    }
}
