package org.teachbox.project;

import java.util.OptionalInt;

/**
 * A tighter limit for some owners than the server-wide {@link ProjectLimits}: a classroom caps
 * the projects and pictures of each of its learners. Empty means "only the usual limits".
 */
public interface OwnerQuota {

    OptionalInt maxProjects(String owner);

    OptionalInt maxPictures(String owner);
}
