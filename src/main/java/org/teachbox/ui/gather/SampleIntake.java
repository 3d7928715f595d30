package org.teachbox.ui.gather;

import java.util.UUID;

import org.teachbox.UserMessage;
import org.teachbox.imaging.ImageIngest;
import org.teachbox.imaging.ImageRejectedException;
import org.teachbox.imaging.StoredImage;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.project.Shelf;
import org.teachbox.ratelimit.CaptureRateLimit;

/**
 * One path for every image that arrives (upload, webcam frame, drawing): validate and normalise
 * it, then store it. The result says what happened in words the card can show; a bad file never
 * stops the good ones next to it.
 */
final class SampleIntake {

    private final ProjectService projects;
    private final ImageIngest ingest;
    private final String owner;
    private final CaptureRateLimit captures;

    SampleIntake(ProjectService projects, ImageIngest ingest, CaptureRateLimit captures, String owner) {
        this.projects = projects;
        this.ingest = ingest;
        this.captures = captures;
        this.owner = owner;
    }

    /**
     * A webcam frame or a drawing. These arrive many a second from a page, so the server holds
     * each learner to a rate whatever the page sends.
     */
    Result acceptCaptured(UUID classId, String fileName, byte[] bytes) {
        return acceptCaptured(classId, Shelf.TRAINING, fileName, bytes);
    }

    Result acceptCaptured(UUID classId, Shelf shelf, String fileName, byte[] bytes) {
        if (!captures.allow(owner)) {
            return Result.refused("capture.too-fast");
        }
        return accept(classId, shelf, fileName, bytes);
    }

    Result accept(UUID classId, String fileName, byte[] bytes) {
        return accept(classId, Shelf.TRAINING, fileName, bytes);
    }

    /** Training and test pictures take the same path; only the shelf they land on differs. */
    Result accept(UUID classId, Shelf shelf, String fileName, byte[] bytes) {
        try {
            projects.ensureRoom(owner, classId, shelf);
            StoredImage image = ingest.ingest(fileName, bytes);
            return Result.ok(projects.addSample(owner, classId, image.bytes(), image.mimeType(), shelf));
        } catch (ImageRejectedException | ProjectRuleException e) {
            return Result.refused((UserMessage) e);
        }
    }

    /** A file over the byte limit, refused before it is read to the end. */
    Result tooLarge(String fileName) {
        return Result.refused(ImageRejectedException.TOO_LARGE, fileName, ingest.limits().maxBytesText());
    }

    /** Either stored (with the new sample's id), or refused with an i18n key and its arguments. */
    record Result(UUID sampleId, String messageKey, Object[] args) {
        static Result ok(UUID sampleId) {
            return new Result(sampleId, null, new Object[0]);
        }

        static Result refused(String messageKey, Object... args) {
            return new Result(null, messageKey, args);
        }

        static Result refused(UserMessage why) {
            return refused(why.messageKey(), why.messageArgs());
        }

        boolean stored() {
            return sampleId != null;
        }
    }
}
