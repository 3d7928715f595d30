package org.teachbox.project;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much one project may hold. The defaults keep a class of 30 learners on one school
 * server well inside memory and disk; a workshop host can raise them in application.properties.
 */
@ConfigurationProperties("teachbox.limits")
public record ProjectLimits(int maxClasses, int maxImagesPerClass, int maxProjectsPerOwner, int maxNameLength) {

    public ProjectLimits {
        if (maxClasses <= 0) maxClasses = 12;
        if (maxImagesPerClass <= 0) maxImagesPerClass = 600;
        if (maxProjectsPerOwner <= 0) maxProjectsPerOwner = 50;
        if (maxNameLength <= 0) maxNameLength = 40;
    }
}
