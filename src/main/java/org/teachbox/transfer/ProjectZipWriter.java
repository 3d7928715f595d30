package org.teachbox.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.teachbox.project.ProjectData;

/**
 * Writes a project as a zip anyone can open: one folder per class with its pictures as JPEG files
 * (0001.jpg, 0002.jpg, … oldest first), each class's test pictures in test/&lt;class folder&gt;/, and
 * teachbox.json. The pictures are already compressed,
 * so they are stored as they are rather than squeezed a second time.
 */
final class ProjectZipWriter {

    private ProjectZipWriter() {
    }

    static void write(ProjectData data, OutputStream target) throws IOException {
        List<String> folders = FileNames.folders(data.classNames());
        List<TeachboxManifest.ClassEntry> entries = new ArrayList<>();
        ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
        for (int c = 0; c < data.classes().size(); c++) {
            ProjectData.ClassData cls = data.classes().get(c);
            String folder = folders.get(c);
            // an empty class still gets its folder, so it comes back when the file is opened
            zip.putNextEntry(new ZipEntry(folder + "/"));
            zip.closeEntry();
            int n = 0;
            for (var sample : cls.samples()) {
                stored(zip, folder + "/" + String.format("%04d.jpg", ++n), sample.image());
            }
            entries.add(new TeachboxManifest.ClassEntry(cls.imageClass().name(), folder, n));
        }
        for (int c = 0; c < data.classes().size(); c++) {
            int n = 0;
            for (var sample : data.classes().get(c).testSamples()) {
                stored(zip, ArchiveLayout.TEST_FOLDER + "/" + folders.get(c) + "/" + String.format("%04d.jpg", ++n),
                        sample.image());
            }
        }
        TeachboxManifest manifest = new TeachboxManifest(TeachboxManifest.FORMAT, TeachboxManifest.VERSION,
                data.project().name(), data.project().modelKind().name(), entries);
        zip.putNextEntry(new ZipEntry(TeachboxManifest.FILE));
        zip.write(manifest.toJson());
        zip.closeEntry();
        zip.finish();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
