package org.teachbox.classroom;

import java.time.Instant;
import java.util.UUID;

/** A teacher's class: its name, the code learners type to join, and whether it still takes new learners. */
public record Classroom(UUID id, String name, String joinCode, boolean open, Instant createdAt) {
}
