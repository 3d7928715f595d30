package org.teachbox.classroom;

import java.util.OptionalInt;

import org.springframework.stereotype.Component;
import org.teachbox.project.OwnerQuota;

/**
 * A classroom learner gets the classroom's limits on projects and pictures; anyone else, none
 * extra. The learner's row stays locked until the adding transaction ends.
 */
@Component
class ClassroomQuota implements OwnerQuota {

    private final ClassroomRepository repo;
    private final ClassroomLimits limits;

    ClassroomQuota(ClassroomRepository repo, ClassroomLimits limits) {
        this.repo = repo;
        this.limits = limits;
    }

    @Override
    public OptionalInt maxProjects(String owner) {
        return repo.lockLearnerByToken(owner) ? OptionalInt.of(limits.maxProjectsPerLearner()) : OptionalInt.empty();
    }

    @Override
    public OptionalInt maxPictures(String owner) {
        return repo.lockLearnerByToken(owner) ? OptionalInt.of(limits.maxPicturesPerLearner()) : OptionalInt.empty();
    }
}
