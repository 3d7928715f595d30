package org.teachbox.project;

import java.util.UUID;

/** One class of a project ("cat", "dog", "7") with how many images it holds. */
public record ImageClass(UUID id, UUID projectId, String name, int position, int sampleCount) {
}
