package org.teachbox.project;

import java.time.Instant;
import java.util.UUID;

/** A learner's project. {@code dataVersion} grows with every change to its images or classes. */
public record Project(UUID id, String name, ModelKind modelKind, long dataVersion, Instant createdAt) {
}
