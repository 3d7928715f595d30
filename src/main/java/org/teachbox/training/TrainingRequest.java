package org.teachbox.training;

import java.util.UUID;
import java.util.function.BiConsumer;

import org.teachbox.engine.Model;
import org.teachbox.engine.TrainConfig;
import org.teachbox.project.ModelKind;

/**
 * One job for the training pool: whose project, which settings, how to bend the data, which
 * epoch to keep, what to do with the trained model when the run ends well, and which kind of
 * network learns ({@code kind}; null for the project's own, another kind to compare kinds on the
 * same pictures).
 */
public record TrainingRequest(String owner, UUID projectId, Purpose purpose, TrainingSettings settings,
                              DataRecipe recipe, TrainConfig.Keep keep, BiConsumer<Model, TrainingReport> onCompleted,
                              ModelKind kind) {

    public TrainingRequest(String owner, UUID projectId, Purpose purpose, TrainingSettings settings,
                           DataRecipe recipe, TrainConfig.Keep keep, BiConsumer<Model, TrainingReport> onCompleted) {
        this(owner, projectId, purpose, settings, recipe, keep, onCompleted, null);
    }

    /** A run that keeps its best validation epoch, as the project's own model does. */
    public TrainingRequest(String owner, UUID projectId, Purpose purpose, TrainingSettings settings,
                           DataRecipe recipe, BiConsumer<Model, TrainingReport> onCompleted) {
        this(owner, projectId, purpose, settings, recipe, TrainConfig.Keep.BEST_VALIDATION, onCompleted);
    }
}
