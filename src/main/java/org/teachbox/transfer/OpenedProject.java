package org.teachbox.transfer;

import java.util.List;

import org.teachbox.project.Project;

/** A project made from a project file: how many pictures it kept and which files it left out. */
public record OpenedProject(Project project, int pictures, List<FileProblem> rejected) {
}
