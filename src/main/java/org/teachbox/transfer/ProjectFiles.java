package org.teachbox.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.teachbox.imaging.ImageIngest;
import org.teachbox.imaging.ImageRejectedException;
import org.teachbox.imaging.StoredImage;
import org.teachbox.pretrained.BackboneLibrary;
import org.teachbox.project.ImageClass;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Names;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectData;
import org.teachbox.project.ProjectLimits;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.project.Shelf;

/**
 * Project files: a learner downloads a project as a zip and opens it again, on this server or
 * another. Opening happens in three steps, so that a refused file leaves nothing behind: the zip
 * is judged from its directory (SafeZip, ArchiveLayout), every picture goes through the same
 * ImageIngest as an upload, and only then is the project written, in one transaction.
 */
@Service
public class ProjectFiles {

    private final ProjectService projects;
    private final ImageIngest ingest;
    private final BackboneLibrary backbone;
    private final TransferLimits limits;
    private final TransactionTemplate transaction;

    ProjectFiles(ProjectService projects, ImageIngest ingest, BackboneLibrary backbone, TransferLimits limits,
                 PlatformTransactionManager transactions) {
        this.projects = projects;
        this.ingest = ingest;
        this.backbone = backbone;
        this.limits = limits;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The biggest project file that may be uploaded, in bytes. */
    public long maxFileBytes() {
        return limits.maxFileSize().toBytes();
    }

    public String maxFileText() {
        return TransferLimits.text(limits.maxFileSize());
    }

    /** A snapshot of an owner's project, ready to be written; refuses a project that is not theirs. */
    public Download download(String owner, UUID projectId) {
        ProjectData data = projects.data(owner, projectId);
        return new Download(FileNames.zipName(data.project().name()), data);
    }

    /** One project's zip: its file name and the data taken when the download started. */
    public record Download(String fileName, ProjectData data) {
        public void writeTo(OutputStream out) throws IOException {
            ProjectZipWriter.write(data, out);
        }
    }

    /**
     * Makes a new project from a project file. {@code fileName} is what the learner called it (the
     * project is named after it when the file does not say); {@code fallbackName} is used when
     * neither is a valid name.
     *
     * @throws ProjectFileException when the file is refused as a whole; then nothing was created
     */
    public OpenedProject open(String owner, String fileName, Path file, String fallbackName) {
        try (SafeZip zip = SafeZip.open(file, limits.maxUnpackedSize().toBytes(), maxEntries())) {
            ArchiveLayout.Layout layout = ArchiveLayout.of(zip, projects.limits());
            List<FileProblem> rejected = new ArrayList<>();
            layout.loose().forEach(f -> rejected.add(new FileProblem("transfer.rejected.not-in-folder",
                    new Object[] {Shown.of(f.path())})));
            List<List<StoredImage>> pictures = new ArrayList<>();
            List<List<StoredImage>> tests = new ArrayList<>();
            for (ArchiveLayout.ClassFolder c : layout.classes()) {
                pictures.add(pictures(zip, c.files(), rejected));
                tests.add(pictures(zip, c.tests(), rejected));
            }
            int kept = pictures.stream().mapToInt(List::size).sum() + tests.stream().mapToInt(List::size).sum();
            if (kept == 0 && layout.classes().stream().anyMatch(c -> !c.files().isEmpty())) {
                throw new ProjectFileException(rejected, "transfer.error.no-pictures");
            }
            String name = projectName(layout.projectName(), fileName, fallbackName);
            Project project = transaction.execute(tx -> save(owner, name, kind(layout.kind()), layout, pictures, tests));
            return new OpenedProject(project, kept, List.copyOf(rejected));
        } catch (IOException e) {
            throw new ProjectFileException("transfer.error.broken-zip");
        }
    }

    private List<StoredImage> pictures(SafeZip zip, List<SafeZip.Item> files, List<FileProblem> rejected)
            throws IOException {
        int maxBytes = (int) Math.min(Integer.MAX_VALUE - 8, ingest.limits().maxBytes());
        List<StoredImage> kept = new ArrayList<>();
        for (SafeZip.Item f : files) {
            String shown = Shown.of(f.path());
            if (f.entry().getSize() > maxBytes) {
                rejected.add(new FileProblem(ImageRejectedException.TOO_LARGE,
                        new Object[] {shown, ingest.limits().maxBytesText()}));
                continue;
            }
            byte[] bytes;
            try {
                bytes = zip.read(f, maxBytes);
            } catch (IOException e) {
                rejected.add(new FileProblem(ImageRejectedException.CORRUPT, new Object[] {shown}));
                continue;
            }
            if (isZip(bytes)) {
                throw new ProjectFileException("transfer.error.nested-zip", shown);
            }
            try {
                kept.add(ingest.ingest(shown, bytes));
            } catch (ImageRejectedException e) {
                rejected.add(new FileProblem(e.messageKey(), e.messageArgs()));
            }
        }
        return kept;
    }

    private Project save(String owner, String name, ModelKind kind, ArchiveLayout.Layout layout,
                         List<List<StoredImage>> pictures, List<List<StoredImage>> tests) {
        List<String> classNames = layout.classes().stream()
                .map(c -> ArchiveLayout.className(c.name(), projects.limits())).toList();
        Project project = projects.create(owner, name, kind, classNames);
        List<ImageClass> classes = projects.classes(owner, project.id());
        for (int c = 0; c < classes.size(); c++) {
            for (StoredImage picture : pictures.get(c)) {
                projects.addSample(owner, classes.get(c).id(), picture.bytes(), picture.mimeType());
            }
            for (StoredImage picture : tests.get(c)) {
                projects.addSample(owner, classes.get(c).id(), picture.bytes(), picture.mimeType(), Shelf.TEST);
            }
        }
        return projects.project(owner, project.id());
    }

    /** A photo project needs the pretrained network; a server without it uses the small one, as new projects do. */
    private ModelKind kind(ModelKind declared) {
        ModelKind kind = declared == null ? ModelKind.PRETRAINED : declared;
        return kind == ModelKind.PRETRAINED && !backbone.isAvailable() ? ModelKind.IMAGE : kind;
    }

    private String projectName(String declared, String fileName, String fallbackName) {
        String fromFile = fileName == null ? null : fileName.replaceAll("(?i)\\.(zip|tm)$", "");
        for (String candidate : new String[] {declared, fromFile}) {
            if (candidate == null) {
                continue;
            }
            try {
                return Names.clean(candidate, projects.limits().maxNameLength());
            } catch (ProjectRuleException e) {
                // not a usable name: try the next one
            }
        }
        return fallbackName;
    }

    /** Enough entries for a full project (every picture, a folder per class) and a little litter. */
    private int maxEntries() {
        if (limits.maxEntries() > 0) {
            return limits.maxEntries();
        }
        ProjectLimits p = projects.limits();
        // a folder and a shelf of test pictures per class besides its training pictures
        return p.maxClasses() * (2 * p.maxImagesPerClass() + 2) + 100;
    }

    private static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K'
                && ((bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6));
    }
}
