package org.teachbox.transfer;

/**
 * A name from inside an untrusted zip, made safe to put in a message: invisible and
 * direction-changing characters (which could make "gpj.exe" read as "exe.jpg") become "?", and a
 * very long name is cut.
 */
final class Shown {

    private static final int MAX = 80;

    private Shown() {
    }

    static String of(String untrusted) {
        StringBuilder shown = new StringBuilder();
        int count = 0;
        for (int i = 0; i < untrusted.length(); ) {
            int c = untrusted.codePointAt(i);
            i += Character.charCount(c);
            if (++count > MAX) {
                return shown.append('…').toString();
            }
            int type = Character.getType(c);
            boolean hidden = Character.isISOControl(c) || type == Character.FORMAT || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED || type == Character.SURROGATE;
            shown.appendCodePoint(hidden ? '?' : c);
        }
        return shown.toString();
    }
}
