package org.teachbox.bias;

import java.util.UUID;

/**
 * What a lab run was asked to do, stored as JSON beside its report: the experiment (null for the
 * fair baseline), the fix for a mitigated run, or for a skewed collection which two of the
 * learner's projects were trained (their names as they were then, so the page can say so later).
 */
public record LabRecipe(Experiment experiment, Mitigation mitigation, UUID fairProjectId, String fairProjectName,
                        UUID skewedProjectId, String skewedProjectName) {

    static final LabRecipe BASELINE = new LabRecipe(null, null, null, null, null, null);

    static LabRecipe of(Experiment experiment) {
        return new LabRecipe(experiment, null, null, null, null, null);
    }

    static LabRecipe mitigated(Experiment experiment, Mitigation mitigation) {
        return new LabRecipe(experiment, mitigation, null, null, null, null);
    }

    static LabRecipe collection(UUID fairId, String fairName, UUID skewedId, String skewedName) {
        return new LabRecipe(null, null, fairId, fairName, skewedId, skewedName);
    }
}
