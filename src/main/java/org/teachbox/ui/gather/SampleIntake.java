package org.teachbox.ui.gather;

import java.util.UUID;
import java.util.function.Consumer;

import org.teachbox.UserMessage;
import org.teachbox.project.Shelf;
import org.teachbox.ratelimit.CaptureRateLimit;
import org.teachbox.upload.Outcome;
import org.teachbox.upload.PictureIntake;
import org.teachbox.upload.UploadFeed;

/**
 * One path for every image that arrives (upload, webcam frame, drawing): validate and normalise
 * it, then store it, through {@link PictureIntake}. The result says what happened in words the
 * card can show; a bad file never stops the good ones next to it. Uploaded files go to the upload
 * endpoint instead of through the page, and come back here through the {@link UploadFeed}.
 */
final class SampleIntake {

    private final PictureIntake pictures;
    private final UploadFeed feed;
    private final String owner;
    private final CaptureRateLimit captures;

    SampleIntake(PictureIntake pictures, CaptureRateLimit captures, String owner) {
        this(pictures, captures, owner, new UploadFeed());
    }

    SampleIntake(PictureIntake pictures, CaptureRateLimit captures, String owner, UploadFeed feed) {
        this.pictures = pictures;
        this.captures = captures;
        this.owner = owner;
        this.feed = feed;
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
            pictures.countRefusal("capture.too-fast");
            return Result.refused("capture.too-fast");
        }
        return accept(classId, shelf, fileName, bytes);
    }

    Result accept(UUID classId, String fileName, byte[] bytes) {
        return accept(classId, Shelf.TRAINING, fileName, bytes);
    }

    /** Training and test pictures take the same path; only the shelf they land on differs. */
    Result accept(UUID classId, Shelf shelf, String fileName, byte[] bytes) {
        return Result.of(pictures.accept(owner, classId, shelf, fileName, bytes));
    }

    /** A file over the byte limit, refused before it is read to the end. */
    Result tooLarge(String fileName) {
        return Result.of(pictures.tooLarge(fileName));
    }

    /** Uploads to the address with this key are told to {@code consumer}, on the upload's thread. */
    void listen(String key, Consumer<UploadFeed.Arrived> consumer) {
        feed.listen(key, owner, consumer);
    }

    void stopListening(String key) {
        feed.stop(key);
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

        static Result of(Outcome outcome) {
            return new Result(outcome.sampleId(), outcome.messageKey(), outcome.args());
        }

        boolean stored() {
            return sampleId != null;
        }
    }
}
