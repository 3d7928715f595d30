package org.teachbox.project;

import java.util.OptionalInt;

/**
 * A tighter limit for some owners than the server-wide {@link ProjectLimits}: a classroom caps
 * the projects and pictures of each of its learners. Empty means "only the usual limits".
 * Called inside the transaction that adds a project or picture: an implementation that reads a
 * row holds it until that transaction ends, so two adds at the same moment count one after the
 * other and stop at the limit.
 */
public interface OwnerQuota {

    OptionalInt maxProjects(String owner);

    OptionalInt maxPictures(String owner);
}
