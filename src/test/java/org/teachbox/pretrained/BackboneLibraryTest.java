package org.teachbox.pretrained;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where an admin may put the backbone, and what happens when what they put there is wrong. */
class BackboneLibraryTest {

    /** Loading does not depend on what the weights learned: the real export or the synthetic one. */
    private static final Path EXPORT = TestBackbones.forStructure();

    @TempDir
    Path dir;

    @Test
    void aMissingFolderMeansNoBackboneAndNoCrash() {
        BackboneLibrary library = new BackboneLibrary(dir.resolve("nothing").toString());
        assertThat(library.isAvailable()).isFalse();
        assertThat(library.problem()).isEqualTo("missing");
    }

    @Test
    void aTeachableMachineExportOneFolderDownIsFound() throws IOException {
        Path export = Files.createDirectories(dir.resolve("my-tm-model"));
        copyExport(export);
        BackboneLibrary library = new BackboneLibrary(dir.toString());
        assertThat(library.isAvailable()).isTrue();
        assertThat(library.backbone().orElseThrow().parameterCount()).isEqualTo(410_208);
    }

    @Test
    void aZippedExportIsUnpackedOnceAndUsed() throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("converted_keras.zip")))) {
            for (String name : exportFiles()) {
                // a folder inside the zip, and a path that tries to climb out: only the file name counts
                zip.putNextEntry(new ZipEntry(name.endsWith(".bin") ? "../../" + name : "tm-my-image-model/" + name));
                zip.write(Files.readAllBytes(EXPORT.resolve(name)));
                zip.closeEntry();
            }
        }
        BackboneLibrary library = new BackboneLibrary(dir.toString());
        assertThat(library.isAvailable()).isTrue();
        assertThat(dir.getParent().resolve(exportFiles().stream().filter(n -> n.endsWith(".bin")).findFirst().orElseThrow()))
                .doesNotExist();
        assertThat(new BackboneLibrary(dir.toString()).isAvailable()).as("a restart uses the unpacked copy").isTrue();
    }

    @Test
    void aTruncatedDownloadIsReportedNotUsed() throws IOException {
        copyExport(dir);
        String shard = exportFiles().stream().filter(n -> n.endsWith(".bin")).findFirst().orElseThrow();
        byte[] weights = Files.readAllBytes(dir.resolve(shard));
        try (OutputStream out = Files.newOutputStream(dir.resolve(shard))) {
            out.write(weights, 0, weights.length / 2);
        }
        BackboneLibrary library = new BackboneLibrary(dir.toString());
        assertThat(library.isAvailable()).isFalse();
        assertThat(library.problem()).isNotEqualTo("missing");
    }

    private static void copyExport(Path to) throws IOException {
        for (String name : exportFiles()) {
            Files.copy(EXPORT.resolve(name), to.resolve(name));
        }
    }

    /** model.json and its weight files (one weights.bin in a TM export, shards in get-backbone's download). */
    private static java.util.List<String> exportFiles() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(EXPORT)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(n -> n.equals("model.json") || n.equals("metadata.json") || n.endsWith(".bin")).sorted().toList();
        }
    }
}
