package org.teachbox.classroom;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.teachbox.classroom.LearnerProgress.ClassCount;
import org.teachbox.classroom.LearnerProgress.ProjectProgress;
import org.teachbox.classroom.LearnerProgress.Training;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectService;
import org.teachbox.runs.Run;
import org.teachbox.runs.RunHistory;
import org.teachbox.training.Purpose;
import org.teachbox.training.TrainingEvent;
import org.teachbox.training.TrainingJob;
import org.teachbox.training.TrainingService;

/**
 * What the teacher's dashboard shows of a classroom, and what it may do to a learner's work:
 * read it and stop its training. Reads go through the learner's own owner token, so a teacher
 * sees exactly what the learner sees.
 */
@Service
public class ClassroomProgress {

    private final ClassroomService classrooms;
    private final ProjectService projects;
    private final TrainingService training;
    private final RunHistory runs;

    ClassroomProgress(ClassroomService classrooms, ProjectService projects, TrainingService training, RunHistory runs) {
        this.classrooms = classrooms;
        this.projects = projects;
        this.training = training;
        this.runs = runs;
    }

    public List<LearnerProgress> of(UUID classroomId) {
        return classrooms.learners(classroomId).stream()
                .map(l -> new LearnerProgress(l.id(), l.name(), classrooms.failedPinTries(l), projects.projectsOf(l.ownerToken()).stream()
                        .map(p -> project(l.ownerToken(), p)).toList()))
                .toList();
    }

    private ProjectProgress project(String owner, Project p) {
        List<ClassCount> classes = projects.classes(owner, p.id()).stream()
                .map(c -> new ClassCount(c.name(), c.sampleCount())).toList();
        return new ProjectProgress(p.id(), p.name(), classes, training(owner, p.id()));
    }

    private Training training(String owner, UUID projectId) {
        var active = training.active(projectId, Purpose.PROJECT);
        if (active.isPresent()) {
            return activeTraining(active.get());
        }
        List<Run> kept = runs.list(owner, projectId);
        if (kept.isEmpty()) {
            return Training.never();
        }
        Run last = kept.get(kept.size() - 1);
        Training.State state = switch (last.status()) {
            case FINISHED -> Training.State.FINISHED;
            case CANCELLED -> Training.State.CANCELLED;
            case DIVERGED -> Training.State.DIVERGED;
        };
        return new Training(state, 0, 0, 0, last.report().validationAccuracy());
    }

    private static Training activeTraining(TrainingJob job) {
        TrainingEvent last = job.lastEvent();
        if (last instanceof TrainingEvent.Queued q) {
            return new Training(Training.State.WAITING, q.position(), 0, 0, 0);
        }
        int epochs = job.request().settings().epochs();
        return new Training(Training.State.RUNNING, 0, job.epochs().size(), epochs, 0);
    }

    /** Stops a learner's queued or running training, as the learner's own Cancel would. */
    public void stopTraining(UUID learnerId, UUID projectId) {
        Learner learner = classrooms.learner(learnerId);
        training.stopByTeacher(learner.ownerToken(), projectId, Purpose.PROJECT);
    }
}
