package org.teachbox.classroom;

import java.util.UUID;

/** One learner of a classroom, as the teacher sees them. The PIN hash and owner token stay in the service. */
public record Learner(UUID id, UUID classroomId, String name, String ownerToken) {
}
