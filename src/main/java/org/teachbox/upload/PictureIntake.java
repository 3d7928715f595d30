package org.teachbox.upload;

import java.util.UUID;

import org.teachbox.UserMessage;
import org.teachbox.imaging.ImageIngest;
import org.teachbox.imaging.ImageRejectedException;
import org.teachbox.imaging.StoredImage;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.project.Shelf;

/**
 * The one path from untrusted bytes to a stored picture, for uploads, webcam frames and drawings:
 * is there room (class, shelf, the learner's classroom quota), then decode, orient and crop, then
 * store. Never runs under a page's lock: decoding takes tens of milliseconds.
 */
public final class PictureIntake {

    private final ProjectService projects;
    private final ImageIngest ingest;

    public PictureIntake(ProjectService projects, ImageIngest ingest) {
        this.projects = projects;
        this.ingest = ingest;
    }

    /** Training and test pictures take the same path; only the shelf they land on differs. */
    public Outcome accept(String owner, UUID classId, Shelf shelf, String fileName, byte[] bytes) {
        try {
            projects.ensureRoom(owner, classId, shelf);
            StoredImage image = ingest.ingest(fileName, bytes);
            return Outcome.ok(projects.addSample(owner, classId, image.bytes(), image.mimeType(), shelf));
        } catch (ImageRejectedException | ProjectRuleException e) {
            return Outcome.refused((UserMessage) e);
        }
    }

    /** A file over the byte limit, refused before it is read to the end. */
    public Outcome tooLarge(String fileName) {
        return Outcome.refused(ImageRejectedException.TOO_LARGE, fileName, ingest.limits().maxBytesText());
    }

    public long maxBytes() {
        return ingest.limits().maxBytes();
    }
}
