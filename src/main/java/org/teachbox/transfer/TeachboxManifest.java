package org.teachbox.transfer;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The small {@code teachbox.json} at the top of a downloaded project: which format it is, the
 * project's name and kind, and its classes in order, each with the folder that holds its pictures
 * (a class name such as "cat/dog" cannot be a folder name as it is). Anything else in the zip is
 * just pictures, so a teacher can unzip it, add pictures and zip it again.
 */
record TeachboxManifest(String format, int formatVersion, String name, String kind, List<ClassEntry> classes) {

    static final String FILE = "teachbox.json";
    static final String FORMAT = "teachbox-project";
    static final int VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    record ClassEntry(String name, String folder, int pictures) {
    }

    TeachboxManifest {
        classes = classes == null ? List.of() : List.copyOf(classes);
    }

    byte[] toJson() {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
    }

    static TeachboxManifest parse(byte[] json) {
        TeachboxManifest manifest;
        try {
            manifest = JSON.readValue(json, TeachboxManifest.class);
        } catch (JacksonException e) {
            throw new ProjectFileException("transfer.error.bad-manifest", FILE);
        }
        if (manifest == null || manifest.formatVersion() < 1 || !FORMAT.equals(manifest.format())
                || manifest.classes().stream().anyMatch(c -> c == null || c.folder() == null)) {
            throw new ProjectFileException("transfer.error.bad-manifest", FILE);
        }
        if (manifest.formatVersion() > VERSION) {
            throw new ProjectFileException("transfer.error.newer-format");
        }
        return manifest;
    }

    /**
     * Teachable Machine's own project file (.tm) starts with a {@code manifest.json} such as
     * {@code {"type":"image","version":"2.4.4","appdata":{"trainEpochs":50,...}}}; only its
     * type matters here.
     */
    record TeachableMachine(String type) {

        static final String FILE = "manifest.json";

        static TeachableMachine parse(byte[] json) {
            try {
                TeachableMachine manifest = JSON.readValue(json, TeachableMachine.class);
                return manifest == null ? new TeachableMachine(null) : manifest;
            } catch (JacksonException e) {
                throw new ProjectFileException("transfer.error.bad-manifest", FILE);
            }
        }
    }
}
