package org.teachbox.training;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code teachbox.training.*}: how the server shares its cores among trainings.
 *
 * @param parallelJobs trainings that run at once; 0 means half the CPU cores (at least one)
 * @param maxCost      most work one training may ask for, in pictures × epochs
 * @param maxTime      longest one training may run before it is stopped, so a class gets its turns
 */
@ConfigurationProperties("teachbox.training")
public record TrainingProperties(int parallelJobs, long maxCost, Duration maxTime) {

    public TrainingProperties {
        if (parallelJobs < 0) parallelJobs = 0;
        if (maxCost <= 0) maxCost = 200_000;
        if (maxTime == null || maxTime.isNegative() || maxTime.isZero()) maxTime = Duration.ofMinutes(15);
    }
}
