package org.teachbox.classroom;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.teachbox.owner.Owner;
import org.teachbox.project.Names;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectService;

/**
 * Classrooms for a teacher, and the way learners get back to their work from any computer. A
 * learner joins with the classroom's code, a display name and a four-digit PIN; the same three
 * later bring back every project, because the projects belong to the learner's own owner token
 * kept here, not to a browser cookie. PINs are stored only as BCrypt hashes and guessing is
 * throttled. Only the teacher pages call the classroom-management methods; they are protected by
 * the teacher's sign-in.
 */
@Service
public class ClassroomService {

    private static final Logger log = LoggerFactory.getLogger(ClassroomService.class);

    private final ClassroomRepository repo;
    private final ProjectService projects;
    private final ClassroomLimits limits;
    private final PasswordEncoder pins = new BCryptPasswordEncoder();
    private final JoinThrottle throttle = new JoinThrottle();

    ClassroomService(ClassroomRepository repo, ProjectService projects, ClassroomLimits limits) {
        this.repo = repo;
        this.projects = projects;
        this.limits = limits;
    }

    public ClassroomLimits limits() {
        return limits;
    }

    @Transactional
    public Classroom create(String name) {
        if (repo.count() >= limits.maxClassrooms()) {
            throw new ClassroomRuleException("classroom.error.too-many", limits.maxClassrooms());
        }
        String code = JoinCodes.next();
        while (repo.codeTaken(code)) {
            code = JoinCodes.next();
        }
        Classroom classroom = new Classroom(UUID.randomUUID(), Names.clean(name, 60), code, true, Instant.now());
        repo.insert(classroom);
        log.info("Classroom {} opened", classroom.id());
        return classroom;
    }

    public List<Classroom> classrooms() {
        return repo.all();
    }

    public Classroom classroom(UUID id) {
        return repo.byId(id).orElseThrow(() -> new ClassroomRuleException("classroom.error.not-found"));
    }

    public void setOpen(UUID classroomId, boolean open) {
        classroom(classroomId);
        repo.setOpen(classroomId, open);
    }

    public List<Learner> learners(UUID classroomId) {
        return repo.learners(classroomId);
    }

    /**
     * Signs a learner in: a new name joins the classroom (while it is open and not full), a known
     * name must bring its PIN. Returns the learner, whose owner token the caller puts on the session.
     *
     * @param client who is asking (the remote address), for the throttles on unknown codes and new names
     * @param browser the asking browser's own token, for the throttle on new names
     */
    @Transactional
    public Learner join(String typedCode, String typedName, String pin, String client, String browser) {
        Classroom classroom = JoinCodes.normalise(typedCode).flatMap(repo::byCode).orElseGet(() -> {
            throttle.codeTry(client);
            throw new ClassroomRuleException("join.error.no-such-code");
        });
        String name = LearnerNames.clean(typedName);
        if (pin == null || !pin.matches("\\d{4}")) {
            throw new ClassroomRuleException("join.error.pin-format");
        }
        var known = repo.learnerByName(classroom.id(), name);
        if (known.isPresent()) {
            throttle.pinTry(classroom, name);
            if (!pins.matches(pin, known.get().pinHash())) {
                throttle.pinWrong(classroom, name);
                throw new ClassroomRuleException("join.error.wrong-pin", known.get().learner().name());
            }
            throttle.pinRight(classroom, name);
            return known.get().learner();
        }
        if (!classroom.open()) {
            throw new ClassroomRuleException("join.error.closed");
        }
        throttle.newName(client, browser);
        if (repo.countLearners(classroom.id()) >= limits.maxLearners()) {
            throw new ClassroomRuleException("join.error.full", limits.maxLearners());
        }
        Learner learner = new Learner(UUID.randomUUID(), classroom.id(), name, Owner.newToken());
        repo.insertLearner(learner.id(), classroom.id(), name, pins.encode(pin), learner.ownerToken());
        log.info("A learner joined classroom {}", classroom.id());
        return learner;
    }

    /** Wrong PINs typed for this learner since they last signed in, for the teacher's dashboard. */
    public int failedPinTries(Learner learner) {
        return throttle.failedPinTries(classroom(learner.classroomId()), learner.name());
    }

    public Learner learner(UUID learnerId) {
        return repo.learner(learnerId).orElseThrow(() -> new ClassroomRuleException("classroom.error.not-found"));
    }

    public void resetPin(UUID learnerId, String pin) {
        if (pin == null || !pin.matches("\\d{4}")) {
            throw new ClassroomRuleException("join.error.pin-format");
        }
        Learner learner = repo.learner(learnerId).orElseThrow(() -> new ClassroomRuleException("classroom.error.not-found"));
        repo.setPinHash(learnerId, pins.encode(pin));
        throttle.pinRight(classroom(learner.classroomId()), learner.name());
    }

    /** The learner behind an owner token, if that token belongs to a classroom learner. */
    public java.util.Optional<Learner> learnerOf(String ownerToken) {
        return repo.learnerByToken(ownerToken);
    }

    public Classroom classroomOf(Learner learner) {
        return classroom(learner.classroomId());
    }

    /**
     * Takes one learner out of the classroom, with every project they made (their training
     * stops). Their name is free again; the teacher's page asks before calling this.
     */
    @Transactional
    public void removeLearner(UUID learnerId) {
        Learner learner = learner(learnerId);
        for (Project project : projects.projectsOf(learner.ownerToken())) {
            projects.deleteProject(learner.ownerToken(), project.id());
        }
        repo.deleteLearner(learnerId);
        throttle.pinRight(classroom(learner.classroomId()), learner.name());
        log.info("A learner was removed from classroom {}", learner.classroomId());
    }

    /** Ends a classroom: every learner's projects are deleted (their training stops), then the learners. */
    @Transactional
    public void delete(UUID classroomId) {
        classroom(classroomId);
        for (Learner learner : repo.learners(classroomId)) {
            for (Project project : projects.projectsOf(learner.ownerToken())) {
                projects.deleteProject(learner.ownerToken(), project.id());
            }
        }
        repo.delete(classroomId);
        log.info("Classroom {} ended and deleted", classroomId);
    }
}
