package org.teachbox.ui.gather;

import java.util.UUID;

import org.teachbox.imaging.ImageIngest;
import org.teachbox.imaging.ImageRejectedException;
import org.teachbox.imaging.StoredImage;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;

/**
 * One path for every image that arrives (upload, webcam frame, drawing): validate and normalise
 * it, then store it. The result says what happened in words the card can show; a bad file never
 * stops the good ones next to it.
 */
final class SampleIntake {

    private final ProjectService projects;
    private final ImageIngest ingest;
    private final String owner;

    SampleIntake(ProjectService projects, ImageIngest ingest, String owner) {
        this.projects = projects;
        this.ingest = ingest;
        this.owner = owner;
    }

    Result accept(UUID classId, String fileName, byte[] bytes) {
        try {
            StoredImage image = ingest.ingest(fileName, bytes);
            projects.addSample(owner, classId, image.bytes(), image.mimeType());
            return Result.ok();
        } catch (ImageRejectedException e) {
            return new Result(false, e.messageKey(), e.messageArgs());
        } catch (ProjectRuleException e) {
            return new Result(false, e.messageKey(), e.messageArgs());
        }
    }

    /** Either stored, or refused with an i18n key and its arguments. */
    record Result(boolean stored, String messageKey, Object[] args) {
        static Result ok() {
            return new Result(true, null, new Object[0]);
        }
    }
}
