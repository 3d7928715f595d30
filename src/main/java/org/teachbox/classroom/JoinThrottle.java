package org.teachbox.classroom;

import org.teachbox.ratelimit.KeyedRateLimit;

/**
 * Slows down guessing and filling. A four-digit PIN has only 10,000 values, so wrong PINs close
 * the name they were typed for, longer each round ({@link PinBackoff}); other names are not held
 * up. New names are limited per browser (3 at once, then one a minute: a pupil cannot fill the
 * class with made-up names) and per address (a class's worth at once, then one every 3 seconds,
 * for a script that throws its cookie away). Unknown join codes are limited per computer, so codes
 * cannot be scanned.
 */
final class JoinThrottle {

    private final PinBackoff pins = new PinBackoff();
    private final KeyedRateLimit codesPerClient = new KeyedRateLimit(1.0 / 5, 10);
    private final KeyedRateLimit newNamesPerBrowser = new KeyedRateLimit(1.0 / 60, 3);
    private final KeyedRateLimit newNamesPerAddress = new KeyedRateLimit(1.0 / 3, 40);

    /** Before a PIN is checked: refused while the name is closed after wrong PINs. */
    void pinTry(Classroom classroom, String name) {
        if (pins.secondsToWait(key(classroom, name)) > 0) {
            throw new ClassroomRuleException("join.error.too-many-tries");
        }
    }

    void pinWrong(Classroom classroom, String name) {
        pins.failed(key(classroom, name));
    }

    void pinRight(Classroom classroom, String name) {
        pins.succeeded(key(classroom, name));
    }

    int failedPinTries(Classroom classroom, String name) {
        return pins.failedTries(key(classroom, name));
    }

    void codeTry(String client) {
        if (!codesPerClient.tryAcquire(client == null ? "?" : client)) {
            throw new ClassroomRuleException("join.error.too-many-tries");
        }
    }

    /** A new name joining: limited per browser and per address. */
    void newName(String client, String browser) {
        if (!newNamesPerBrowser.tryAcquire(browser == null ? "?" : browser)
                || !newNamesPerAddress.tryAcquire(client == null ? "?" : client)) {
            throw new ClassroomRuleException("join.error.too-many-names");
        }
    }

    private static String key(Classroom classroom, String name) {
        return classroom.id() + "/" + LearnerNames.key(name);
    }
}
