package org.teachbox.project;

import java.util.List;

/**
 * A snapshot of a project's classes and their images, taken in one transaction. {@code samples}
 * are the training pictures only; test pictures are kept apart so nothing trains on them by accident.
 */
public record ProjectData(Project project, List<ClassData> classes) {

    public record ClassData(ImageClass imageClass, List<SampleImage> samples, List<SampleImage> testSamples) {

        /** A class without test pictures. */
        public ClassData(ImageClass imageClass, List<SampleImage> samples) {
            this(imageClass, samples, List.of());
        }
    }

    public List<String> classNames() {
        return classes.stream().map(c -> c.imageClass().name()).toList();
    }

    public boolean hasTestPictures() {
        return classes.stream().anyMatch(c -> !c.testSamples().isEmpty());
    }
}
