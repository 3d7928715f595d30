package org.teachbox.project;

import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a learner can do with projects, classes and samples. Every call names the owner token of
 * the browser asking; anything that belongs to someone else looks exactly like something that
 * does not exist, so a guessed URL reveals nothing.
 */
@Service
public class ProjectService {

    private final StorageQuota storage;
    private final ProjectRepository repo;
    private final ProjectLimits limits;
    private final ApplicationEventPublisher events;
    private final List<OwnerQuota> quotas;

    ProjectService(ProjectRepository repo, ProjectLimits limits, ApplicationEventPublisher events, List<OwnerQuota> quotas,
                   StorageQuota storage) {
        this.repo = repo;
        this.storage = storage;
        this.limits = limits;
        this.events = events;
        this.quotas = List.copyOf(quotas);
    }

    public ProjectLimits limits() {
        return limits;
    }

    public List<Project> projectsOf(String owner) {
        return repo.projectsOf(owner);
    }

    /** A new project starts with the given classes (two empty ones, like Teachable Machine). */
    @Transactional
    public Project create(String owner, String name, ModelKind kind, List<String> classNames) {
        int maxProjects = quotas.stream().map(q -> q.maxProjects(owner)).filter(OptionalInt::isPresent)
                .mapToInt(OptionalInt::getAsInt).reduce(limits.maxProjectsPerOwner(), Math::min);
        if (repo.countProjects(owner) >= maxProjects) {
            throw new ProjectRuleException("rule.projects.full", maxProjects);
        }
        if (classNames.size() > limits.maxClasses()) {
            throw new ProjectRuleException("rule.classes.full", limits.maxClasses());
        }
        UUID id = UUID.randomUUID();
        repo.insertProject(id, owner, Names.clean(name, limits.maxNameLength()), kind);
        for (int i = 0; i < classNames.size(); i++) {
            repo.insertClass(UUID.randomUUID(), id, Names.clean(classNames.get(i), limits.maxNameLength()), i);
        }
        return project(owner, id);
    }

    public Project project(String owner, UUID projectId) {
        return repo.project(owner, projectId).orElseThrow(() -> new ProjectRuleException("rule.project.not-found"));
    }

    public void deleteProject(String owner, UUID projectId) {
        project(owner, projectId);
        repo.deleteProject(projectId);
        events.publishEvent(new ProjectDataRemoved(projectId));
    }

    public List<ImageClass> classes(String owner, UUID projectId) {
        project(owner, projectId);
        return repo.classes(projectId);
    }

    @Transactional
    public ImageClass addClass(String owner, UUID projectId, String name) {
        List<ImageClass> existing = classes(owner, projectId);
        if (existing.size() >= limits.maxClasses()) {
            throw new ProjectRuleException("rule.classes.full", limits.maxClasses());
        }
        String clean = uniqueName(existing, null, Names.clean(name, limits.maxNameLength()));
        int position = existing.stream().mapToInt(ImageClass::position).max().orElse(-1) + 1;
        UUID id = UUID.randomUUID();
        repo.insertClass(id, projectId, clean, position);
        repo.touch(projectId);
        return new ImageClass(id, projectId, clean, position, 0);
    }

    @Transactional
    public String renameClass(String owner, UUID classId, String name) {
        UUID projectId = projectOfClass(owner, classId);
        String clean = uniqueName(repo.classes(projectId), classId, Names.clean(name, limits.maxNameLength()));
        repo.renameClass(classId, clean);
        repo.touch(projectId);
        return clean;
    }

    @Transactional
    public void deleteClass(String owner, UUID classId) {
        UUID projectId = projectOfClass(owner, classId);
        repo.deleteClass(classId);
        repo.touch(projectId);
        events.publishEvent(new ProjectDataRemoved(projectId));
    }

    /** Removes a class's training pictures; its test pictures stay. */
    @Transactional
    public void clearClass(String owner, UUID classId) {
        clearClass(owner, classId, Shelf.TRAINING);
    }

    @Transactional
    public void clearClass(String owner, UUID classId, Shelf shelf) {
        UUID projectId = projectOfClass(owner, classId);
        repo.clearClass(classId, shelf);
        changed(projectId, shelf);
    }

    public void ensureRoom(String owner, UUID classId) {
        ensureRoom(owner, classId, Shelf.TRAINING);
    }

    /** Whether this class exists and is this owner's: someone else's class looks like no class. */
    public boolean hasClass(String owner, UUID classId) {
        return repo.projectOfClass(owner, classId).isPresent();
    }

    /**
     * Refuses early when a class is already full, so a learner dropping 200 more photos onto
     * it does not make the server decode each one only to refuse it. {@link #addSample} checks
     * again, since another upload may fill the class in between. Each shelf has its own limit:
     * setting test pictures aside never takes room from training.
     */
    public void ensureRoom(String owner, UUID classId, Shelf shelf) {
        projectOfClass(owner, classId);
        checkRoom(classId, shelf);
        ensureOwnerRoom(owner);
    }

    private void ensureOwnerRoom(String owner) {
        storage.ensureRoom();
        for (OwnerQuota quota : quotas) {
            OptionalInt max = quota.maxPictures(owner);
            if (max.isPresent() && repo.countSamplesOfOwner(owner) >= max.getAsInt()) {
                throw new ProjectRuleException("rule.learner.pictures-full", max.getAsInt());
            }
        }
    }

    // a call to this bean's own method skips Spring's proxy: the transaction starts here
    @Transactional
    public UUID addSample(String owner, UUID classId, byte[] image, String mimeType) {
        return addSample(owner, classId, image, mimeType, Shelf.TRAINING);
    }

    /**
     * Stores one already-validated image. When this returns, the row is committed: the upload
     * may be acknowledged to the learner and survives a server restart. The class's row stays
     * locked until then, so pictures stored at the same moment (one upload's parallel stores, or
     * another instance on the same database) count one after another and stop at the limit.
     */
    @Transactional
    public UUID addSample(String owner, UUID classId, byte[] image, String mimeType, Shelf shelf) {
        UUID projectId = projectOfClass(owner, classId);
        if (!repo.lockClass(classId)) {
            throw new ProjectRuleException("rule.class.not-found");
        }
        checkRoom(classId, shelf);
        ensureOwnerRoom(owner);
        UUID id = UUID.randomUUID();
        repo.insertSample(id, classId, image, mimeType, shelf);
        storage.added();
        changed(projectId, shelf);
        events.publishEvent(new SampleAdded(projectId, repo.project(owner, projectId).orElseThrow().modelKind(), id, image));
        return id;
    }

    public List<UUID> recentSampleIds(String owner, UUID classId, int limit) {
        return recentSampleIds(owner, classId, Shelf.TRAINING, limit);
    }

    public List<UUID> recentSampleIds(String owner, UUID classId, Shelf shelf, int limit) {
        projectOfClass(owner, classId);
        return repo.sampleIds(classId, shelf, limit);
    }

    public SampleImage sample(String owner, UUID sampleId) {
        repo.projectOfSample(owner, sampleId).orElseThrow(() -> new ProjectRuleException("rule.sample.not-found"));
        return repo.sample(sampleId).orElseThrow(() -> new ProjectRuleException("rule.sample.not-found"));
    }

    /** Whether a picture is a training or a test picture. */
    public Shelf shelfOf(String owner, UUID sampleId) {
        repo.projectOfSample(owner, sampleId).orElseThrow(() -> new ProjectRuleException("rule.sample.not-found"));
        return repo.shelfOf(sampleId).orElseThrow(() -> new ProjectRuleException("rule.sample.not-found"));
    }

    @Transactional
    public void deleteSample(String owner, UUID sampleId) {
        UUID projectId = repo.projectOfSample(owner, sampleId)
                .orElseThrow(() -> new ProjectRuleException("rule.sample.not-found"));
        Shelf shelf = repo.shelfOf(sampleId).orElse(Shelf.TRAINING);
        repo.deleteSample(sampleId);
        changed(projectId, shelf);
    }

    /**
     * Every class with its training images and, apart, its test images: a consistent snapshot of
     * one data version.
     */
    @Transactional(readOnly = true)
    public ProjectData data(String owner, UUID projectId) {
        Project project = project(owner, projectId);
        List<ProjectData.ClassData> classes = repo.classes(projectId).stream()
                .map(c -> new ProjectData.ClassData(c, repo.samplesOf(c.id(), Shelf.TRAINING),
                        repo.samplesOf(c.id(), Shelf.TEST)))
                .toList();
        return new ProjectData(project, classes);
    }

    private void checkRoom(UUID classId, Shelf shelf) {
        if (repo.countSamples(classId, shelf) >= limits.maxImagesPerClass()) {
            throw new ProjectRuleException(shelf.isTest() ? "test-pictures.rule.full" : "rule.class.full",
                    limits.maxImagesPerClass());
        }
    }

    /**
     * Training pictures make the model out of date. Test pictures do not change what the model
     * learned; a run is judged on the test pictures there are when it ends.
     */
    private void changed(UUID projectId, Shelf shelf) {
        if (!shelf.isTest()) {
            repo.touch(projectId);
        }
    }

    private UUID projectOfClass(String owner, UUID classId) {
        return repo.projectOfClass(owner, classId).orElseThrow(() -> new ProjectRuleException("rule.class.not-found"));
    }

    private static String uniqueName(List<ImageClass> classes, UUID self, String name) {
        boolean taken = classes.stream()
                .anyMatch(c -> !c.id().equals(self) && c.name().equalsIgnoreCase(name));
        if (taken) {
            throw new ProjectRuleException("rule.class.duplicate", name);
        }
        return name;
    }
}
