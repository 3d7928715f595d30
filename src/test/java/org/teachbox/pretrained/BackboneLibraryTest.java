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

    private static final Path EXPORT = Path.of(System.getProperty("teachbox.backbone.dir",
            "../shared/backbones/tm-export-a"));

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
            for (String name : new String[] {"model.json", "weights.bin", "metadata.json"}) {
                // a folder inside the zip, and a path that tries to climb out: only the file name counts
                zip.putNextEntry(new ZipEntry(name.equals("weights.bin") ? "../../" + name : "tm-my-image-model/" + name));
                zip.write(Files.readAllBytes(EXPORT.resolve(name)));
                zip.closeEntry();
            }
        }
        BackboneLibrary library = new BackboneLibrary(dir.toString());
        assertThat(library.isAvailable()).isTrue();
        assertThat(dir.getParent().resolve("weights.bin")).doesNotExist();
        assertThat(new BackboneLibrary(dir.toString()).isAvailable()).as("a restart uses the unpacked copy").isTrue();
    }

    @Test
    void aTruncatedDownloadIsReportedNotUsed() throws IOException {
        copyExport(dir);
        byte[] weights = Files.readAllBytes(dir.resolve("weights.bin"));
        try (OutputStream out = Files.newOutputStream(dir.resolve("weights.bin"))) {
            out.write(weights, 0, weights.length / 2);
        }
        BackboneLibrary library = new BackboneLibrary(dir.toString());
        assertThat(library.isAvailable()).isFalse();
        assertThat(library.problem()).isNotEqualTo("missing");
    }

    private static void copyExport(Path to) throws IOException {
        for (String name : new String[] {"model.json", "weights.bin", "metadata.json"}) {
            Files.copy(EXPORT.resolve(name), to.resolve(name));
        }
    }
}
