package org.teachbox.training;

import java.util.UUID;
import java.util.function.BiConsumer;

import org.teachbox.engine.Model;

/**
 * One job for the training pool: whose project, which settings, how to bend the data, and what
 * to do with the trained model when the run ends well.
 */
public record TrainingRequest(String owner, UUID projectId, Purpose purpose, TrainingSettings settings,
                              DataRecipe recipe, BiConsumer<Model, TrainingReport> onCompleted) {
}
