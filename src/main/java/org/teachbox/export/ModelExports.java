package org.teachbox.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.teachbox.pretrained.BackboneLibrary;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.training.ModelStore;

import tools.jackson.databind.json.JsonMapper;

/**
 * A project's trained model as TF.js files, for "Download model (TensorFlow.js)" and the share
 * link's model URLs. The files are made once per trained model and kept until it is retrained:
 * a classroom of Scratch projects may each fetch the same 2 MB. Only the last few are kept.
 */
@Service
public class ModelExports {

    private static final int KEPT = 12;

    private final ProjectService projects;
    private final ModelStore models;
    private final BackboneLibrary library;
    private final TfjsExporter exporter = new TfjsExporter(JsonMapper.builder().build());
    /** The last few exports made, newest last: a pretrained one holds about 2.2 MB. */
    private final Map<UUID, Made> made = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Made> eldest) {
            return size() > KEPT;
        }
    });
    private volatile BackbonePart backbone;

    ModelExports(ProjectService projects, ModelStore models, BackboneLibrary library) {
        this.projects = projects;
        this.models = models;
        this.library = library;
    }

    /** The model's files, or empty when the project has no trained model; the project must be owner's. */
    public Optional<TfjsFiles> export(String owner, UUID projectId) {
        Project project = projects.project(owner, projectId);
        Optional<ModelStore.StoredModel> stored = models.load(owner, projectId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        ModelStore.StoredModel m = stored.get();
        Made cached = made.get(projectId);
        if (cached != null && cached.trainedAt().equals(m.trainedAt())) {
            return Optional.of(cached.files());
        }
        TfjsExporter.Description about = new TfjsExporter.Description(project.name(), m.classNames(), m.trainedAt());
        TfjsFiles files = project.modelKind() == ModelKind.PRETRAINED
                ? exporter.pretrained(backbone(), m.model(), about)
                : exporter.ownNetwork(project.modelKind(), m.model(), about);
        made.put(projectId, new Made(m.trainedAt(), files));
        return Optional.of(files);
    }

    /** A file name for the download: the project's name made safe, as the project zip's. */
    public static String zipName(Project project) {
        String base = project.name().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return (base.isEmpty() ? "model" : base) + "-tfjs.zip";
    }

    private BackbonePart backbone() {
        BackbonePart b = backbone;
        if (b != null) {
            return b;
        }
        Path dir = library.source().orElseThrow(() -> new ProjectRuleException("train.error.no-backbone"));
        try {
            b = BackbonePart.read(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("the backbone files in " + dir + " could not be read again", e);
        }
        backbone = b;
        return b;
    }

    private record Made(Instant trainedAt, TfjsFiles files) {}
}
