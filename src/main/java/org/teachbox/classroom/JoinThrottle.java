package org.teachbox.classroom;

import org.teachbox.ratelimit.KeyedRateLimit;

/**
 * Slows down guessing. A four-digit PIN has only 10,000 values, so each learner name may be
 * tried 5 times at once and then once every 20 seconds, and a whole classroom 40 times at once
 * and then twice a second (a class signing back in at the start of a lesson fits). Unknown join
 * codes are limited per computer, so codes cannot be scanned.
 */
final class JoinThrottle {

    private final KeyedRateLimit perName = new KeyedRateLimit(1.0 / 20, 5);
    private final KeyedRateLimit perClassroom = new KeyedRateLimit(2, 40);
    private final KeyedRateLimit codesPerClient = new KeyedRateLimit(1.0 / 5, 10);

    void pinTry(Classroom classroom, String name) {
        if (!perName.tryAcquire(classroom.id() + "/" + LearnerNames.key(name))
                || !perClassroom.tryAcquire(classroom.id().toString())) {
            throw new ClassroomRuleException("join.error.too-many-tries");
        }
    }

    void codeTry(String client) {
        if (!codesPerClient.tryAcquire(client == null ? "?" : client)) {
            throw new ClassroomRuleException("join.error.too-many-tries");
        }
    }
}
