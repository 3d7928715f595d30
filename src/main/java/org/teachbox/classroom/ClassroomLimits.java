package org.teachbox.classroom;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How big a classroom may get: learners per classroom, and projects and pictures per learner.
 * The defaults fit a class of 30 on one school server; a teacher's IT person can change them in
 * application.properties ({@code teachbox.classroom.*}).
 */
@ConfigurationProperties("teachbox.classroom")
public record ClassroomLimits(int maxLearners, int maxProjectsPerLearner, int maxPicturesPerLearner, int maxClassrooms) {

    public ClassroomLimits {
        if (maxLearners <= 0) maxLearners = 40;
        if (maxProjectsPerLearner <= 0) maxProjectsPerLearner = 10;
        if (maxPicturesPerLearner <= 0) maxPicturesPerLearner = 3000;
        if (maxClassrooms <= 0) maxClassrooms = 50;
    }
}
