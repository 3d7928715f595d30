package org.teachbox.project;

import java.util.UUID;

/**
 * Published when a learner pressed Train on a project (the job may still wait its turn), so
 * work that job will need, such as reading its photos with the pretrained network, goes first.
 */
public record TrainingWanted(UUID projectId, ModelKind kind) {
}
