package org.teachbox.project;

import java.util.List;

/** A snapshot of a project's classes and their images, taken in one transaction. */
public record ProjectData(Project project, List<ClassData> classes) {

    public record ClassData(ImageClass imageClass, List<SampleImage> samples) {
    }

    public List<String> classNames() {
        return classes.stream().map(c -> c.imageClass().name()).toList();
    }
}
