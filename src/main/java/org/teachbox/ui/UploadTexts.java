package org.teachbox.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;

/** The upload widget's own words (buttons, statuses, errors) in the learner's language. */
public final class UploadTexts {

    private UploadTexts() {
    }

    public static UploadI18N of(Component c) {
        return new UploadI18N()
                .setDropFiles(new UploadI18N.DropFiles()
                        .setOne(c.getTranslation("upload.drop")).setMany(c.getTranslation("upload.drop")))
                .setAddFiles(new UploadI18N.AddFiles()
                        .setOne(c.getTranslation("upload.add")).setMany(c.getTranslation("upload.add")))
                .setError(new UploadI18N.Error()
                        .setTooManyFiles(c.getTranslation("upload.too-many"))
                        .setFileIsTooBig(c.getTranslation("upload.too-big"))
                        .setIncorrectFileType(c.getTranslation("upload.wrong-type")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status()
                                .setConnecting(c.getTranslation("upload.connecting"))
                                .setStalled(c.getTranslation("upload.stalled"))
                                .setProcessing(c.getTranslation("upload.processing"))
                                .setHeld(c.getTranslation("upload.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                                .setPrefix(c.getTranslation("upload.remaining"))
                                .setUnknown(c.getTranslation("upload.remaining-unknown")))
                        .setError(new UploadI18N.Uploading.Error()
                                .setServerUnavailable(c.getTranslation("upload.server-unavailable"))
                                .setUnexpectedServerError(c.getTranslation("upload.server-error"))
                                .setForbidden(c.getTranslation("upload.forbidden"))))
                .setFile(new UploadI18N.File()
                        .setStart(c.getTranslation("upload.start"))
                        .setRetry(c.getTranslation("upload.retry"))
                        .setRemove(c.getTranslation("upload.remove")))
                .setUnits(List.of("B", "kB", "MB", "GB", "TB"));
    }
}
