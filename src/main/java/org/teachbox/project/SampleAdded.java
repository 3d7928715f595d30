package org.teachbox.project;

import java.util.UUID;

/** Published when a picture was stored, so work that only depends on the picture can start early. */
public record SampleAdded(UUID projectId, ModelKind kind, UUID sampleId, byte[] image) {
}
