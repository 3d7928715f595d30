package org.teachbox.project;

import java.util.UUID;

/**
 * Published when a project, or one of its classes, was deleted: whatever still trains on its
 * pictures trains on pictures that are gone, so the training queue cancels it.
 */
public record ProjectDataRemoved(UUID projectId) {
}
