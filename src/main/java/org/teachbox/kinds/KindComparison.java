package org.teachbox.kinds;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.teachbox.engine.TrainConfig;
import org.teachbox.project.ModelKind;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.training.DataRecipe;
import org.teachbox.training.Purpose;
import org.teachbox.training.TrainingReport;
import org.teachbox.training.TrainingRequest;
import org.teachbox.training.TrainingService;
import org.teachbox.training.TrainingSettings;

/**
 * Transfer learning side by side: a photo project's pictures trained twice, on the network that
 * was trained in advance on ImageNet (only a small head learns) and on the small network from
 * scratch (every weight learns), with the same validation pictures, and optionally only the
 * first 10 or 50 training pictures of each class, so a learner sees how few photos a pretrained
 * network needs. Results stay in memory (the last few hundred projects); a restart forgets them.
 */
@Service
public class KindComparison {

    /** Training pictures per class a comparison may use; 0 is all of them. */
    public static final List<Integer> PER_CLASS = List.of(10, 50, 0);

    /** One side of the comparison. */
    public record Side(ModelKind kind, int perClass, double validationAccuracy, long parametersTrained,
                       long durationMillis, int trainPictures) {
    }

    private final TrainingService training;
    private final ProjectService projects;
    private final Map<UUID, Map<Purpose, Side>> results = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, Map<Purpose, Side>> eldest) {
                    return size() > 300;
                }
            });

    KindComparison(TrainingService training, ProjectService projects) {
        this.training = training;
        this.projects = projects;
    }

    /**
     * Trains the project's pictures on both kinds, one after the other (a learner may have one
     * job waiting), with the app's default settings and at most {@code perClass} training
     * pictures per class (0 for all).
     */
    public void start(String owner, UUID projectId, int perClass) {
        if (projects.project(owner, projectId).modelKind() != ModelKind.PRETRAINED) {
            throw new ProjectRuleException("kinds.error.not-photos");
        }
        if (!PER_CLASS.contains(perClass)) {
            throw new IllegalArgumentException("pictures per class: " + perClass);
        }
        if (training.active(projectId, Purpose.KINDS_PRETRAINED).isPresent()
                || training.active(projectId, Purpose.KINDS_SCRATCH).isPresent()) {
            throw new ProjectRuleException("train.error.already-running");
        }
        results.remove(projectId);
        submit(owner, projectId, perClass, Purpose.KINDS_PRETRAINED, ModelKind.PRETRAINED,
                () -> submit(owner, projectId, perClass, Purpose.KINDS_SCRATCH, ModelKind.IMAGE, () -> { }));
    }

    /** Both sides, or what has finished so far. */
    public Map<Purpose, Side> result(String owner, UUID projectId) {
        projects.project(owner, projectId);
        Map<Purpose, Side> found = results.get(projectId);
        return found == null ? Map.of() : Map.copyOf(found);
    }

    private void submit(String owner, UUID projectId, int perClass, Purpose purpose, ModelKind kind, Runnable then) {
        TrainingSettings settings = TrainingSettings.defaults();
        training.submit(new TrainingRequest(owner, projectId, purpose, settings, firstOfEachClass(perClass),
                TrainConfig.Keep.BEST_VALIDATION, (model, report) -> {
                    results.computeIfAbsent(projectId, id -> Collections.synchronizedMap(new EnumMap<>(Purpose.class)))
                            .put(purpose, side(kind, perClass, report));
                    try {
                        then.run();
                    } catch (ProjectRuleException e) {
                        // the second side could not start (the project changed meanwhile): the page says it is missing
                    }
                }, kind));
    }

    private static Side side(ModelKind kind, int perClass, TrainingReport report) {
        int trained = report.split().stream().mapToInt(s -> perClass > 0 ? Math.min(perClass, s.train()) : s.train()).sum();
        return new Side(kind, perClass, report.validationAccuracy(), report.parameters(), report.durationMillis(),
                trained);
    }

    /** The first {@code n} training pictures of each class (all when n is 0); validation is untouched. */
    static DataRecipe firstOfEachClass(int n) {
        if (n <= 0) {
            return DataRecipe.FAIR;
        }
        return new DataRecipe() {
            @Override
            public List<float[]> trainImages(int classIndex, List<float[]> images, Random random) {
                return images.size() <= n ? images : images.subList(0, n);
            }
        };
    }
}
