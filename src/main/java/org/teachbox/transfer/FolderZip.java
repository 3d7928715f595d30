package org.teachbox.transfer;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Many projects in one zip, a folder per person, each project as its usual project zip, so any
 * one of them opens again with "Open a project file". This is how a teacher takes a whole
 * classroom's work home. Folder and file names are made safe for every computer and unique.
 */
public final class FolderZip {

    /**
     * One folder: a display name (a learner's) and the projects in it. Each project is read from
     * the database only when its turn comes, so a classroom never sits in memory at once.
     */
    public record Folder(String name, List<Item> projects) {
    }

    public record Item(String projectName, Supplier<ProjectFiles.Download> download) {
    }

    private FolderZip() {
    }

    public static void write(List<Folder> folders, OutputStream target) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
        List<String> folderNames = FileNames.folders(folders.stream().map(Folder::name).toList());
        for (int f = 0; f < folders.size(); f++) {
            List<Item> projects = folders.get(f).projects();
            List<String> fileNames = FileNames.folders(projects.stream().map(Item::projectName).toList());
            zip.putNextEntry(new ZipEntry(folderNames.get(f) + "/"));
            zip.closeEntry();
            for (int p = 0; p < projects.size(); p++) {
                zip.putNextEntry(new ZipEntry(folderNames.get(f) + "/" + fileNames.get(p) + ".zip"));
                projects.get(p).download().get().writeTo(new KeepOpen(zip));
                zip.closeEntry();
            }
        }
        zip.finish();
        zip.flush();
    }

    /** Lets a project's own zip writer finish its stream without closing the outer zip. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
