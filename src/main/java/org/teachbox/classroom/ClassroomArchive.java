package org.teachbox.classroom;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.teachbox.project.ProjectService;
import org.teachbox.transfer.FileNameOf;
import org.teachbox.transfer.FolderZip;
import org.teachbox.transfer.ProjectFiles;

/** "Download the whole classroom": one folder per learner, each of their projects as a project zip. */
@Service
public class ClassroomArchive {

    private final ClassroomService classrooms;
    private final ProjectService projects;
    private final ProjectFiles files;

    ClassroomArchive(ClassroomService classrooms, ProjectService projects, ProjectFiles files) {
        this.classrooms = classrooms;
        this.projects = projects;
        this.files = files;
    }

    public String fileName(UUID classroomId) {
        return FileNameOf.zip(classrooms.classroom(classroomId).name());
    }

    public void write(UUID classroomId, OutputStream out) throws IOException {
        List<FolderZip.Folder> folders = classrooms.learners(classroomId).stream()
                .map(l -> new FolderZip.Folder(l.name(), projects.projectsOf(l.ownerToken()).stream()
                        .map(p -> new FolderZip.Item(p.name(), () -> files.download(l.ownerToken(), p.id()))).toList()))
                .toList();
        FolderZip.write(folders, out);
    }
}
