package org.teachbox.upload;

import java.util.UUID;
import java.util.function.BiFunction;

import org.teachbox.UserMessage;

/**
 * What became of one picture: stored (with the new sample's id), or refused with an i18n key and
 * its arguments, so each page and each answer can say why in the learner's language.
 */
public record Outcome(UUID sampleId, String messageKey, Object[] args) {

    public static Outcome ok(UUID sampleId) {
        return new Outcome(sampleId, null, new Object[0]);
    }

    public static Outcome refused(String messageKey, Object... args) {
        return new Outcome(null, messageKey, args);
    }

    public static Outcome refused(UserMessage why) {
        return refused(why.messageKey(), why.messageArgs());
    }

    public boolean stored() {
        return sampleId != null;
    }

    /**
     * The refusal as one sentence that names the file: project rules (a full class) speak of the
     * class, and the learner still needs to know which file it was.
     */
    public String sentence(String fileName, BiFunction<String, Object[], String> translate) {
        String sentence = translate.apply(messageKey, args);
        return sentence.contains(fileName) ? sentence : translate.apply("upload.error.named", new Object[] {fileName, sentence});
    }
}
