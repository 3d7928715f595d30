package org.teachbox.upload;

import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
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
 *
 * <p>Counts what it stores and what it refuses, by reason, for school IT:
 * {@code teachbox_pictures_stored_total} and {@code teachbox_pictures_refused_total{reason=...}}.
 */
@Component
public final class PictureIntake {

    private final ProjectService projects;
    private final ImageIngest ingest;
    private final MeterRegistry meters;
    private final Counter stored;

    public PictureIntake(ProjectService projects, ImageIngest ingest, MeterRegistry meters) {
        this.projects = projects;
        this.ingest = ingest;
        this.meters = meters;
        this.stored = Counter.builder("teachbox.pictures.stored").description("Pictures stored (uploads, webcam, drawings)")
                .register(meters);
    }

    /** Training and test pictures take the same path; only the shelf they land on differs. */
    public Outcome accept(String owner, UUID classId, Shelf shelf, String fileName, byte[] bytes) {
        try {
            projects.ensureRoom(owner, classId, shelf);
            StoredImage image = ingest.ingest(fileName, bytes);
            Outcome ok = Outcome.ok(projects.addSample(owner, classId, image.bytes(), image.mimeType(), shelf));
            stored.increment();
            return ok;
        } catch (ImageRejectedException | ProjectRuleException e) {
            refused(((UserMessage) e).messageKey());
            return Outcome.refused((UserMessage) e);
        }
    }

    /** A file over the byte limit, refused before it is read to the end. */
    public Outcome tooLarge(String fileName) {
        refused(ImageRejectedException.TOO_LARGE);
        return Outcome.refused(ImageRejectedException.TOO_LARGE, fileName, ingest.limits().maxBytesText());
    }

    /** A file the server had no room for right now: the learner may send it again. */
    public Outcome busy(String fileName) {
        refused(ImageRejectedException.BUSY);
        return Outcome.refused(ImageRejectedException.BUSY, fileName);
    }

    /** A refusal for some other reason on the way in (too many frames a second, say). */
    public void countRefusal(String messageKey) {
        refused(messageKey);
    }

    private void refused(String messageKey) {
        // the message key without its family: "too-large", "class.full", "corrupt"...
        String reason = messageKey.replaceFirst("^(upload\\.error|rule)\\.", "");
        Counter.builder("teachbox.pictures.refused").description("Pictures refused, by reason").tag("reason", reason)
                .register(meters).increment();
    }

    public long maxBytes() {
        return ingest.limits().maxBytes();
    }
}
