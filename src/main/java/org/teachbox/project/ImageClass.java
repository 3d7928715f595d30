package org.teachbox.project;

import java.util.UUID;

/**
 * One class of a project ("cat", "dog", "7") with how many training images it holds and, apart
 * from those, how many test pictures.
 */
public record ImageClass(UUID id, UUID projectId, String name, int position, int sampleCount, int testCount) {

    /** A class without test pictures. */
    public ImageClass(UUID id, UUID projectId, String name, int position, int sampleCount) {
        this(id, projectId, name, position, sampleCount, 0);
    }

    public int count(Shelf shelf) {
        return shelf.isTest() ? testCount : sampleCount;
    }
}
