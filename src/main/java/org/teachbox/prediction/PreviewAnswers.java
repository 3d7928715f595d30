package org.teachbox.prediction;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teachbox.imaging.ImageRejectedException;

/**
 * What one preview page asks of the server, answered off the page's session lock: a picture
 * (upload, drawing, test picture), a live webcam frame, a picture on the teacher's projector, and
 * a check of an answer the learner's browser gave itself. The page only shows what its
 * {@link Listener} is told, so other learners' pages and this page's clicks never wait for a
 * network to run.
 *
 * <p>The rules the page relies on:
 * <ul>
 *   <li>The latest picture given has the last word: every answer carries its generation, and
 *       {@link #isLatest} says whether a picture has been given since. A live frame still on its
 *       way must not replace a picture's answer.</li>
 *   <li>A live frame that arrives while the last one is still being answered is dropped, so a
 *       slow server shows fewer frames, not later ones.</li>
 *   <li>A picture's answer comes first; where the model looked follows through the
 *       {@link ExplanationQueue}, and is skipped if another picture has been given by then.</li>
 * </ul>
 * One instance per page; the listener's methods are called on worker threads.
 */
public final class PreviewAnswers {

    private static final Logger log = LoggerFactory.getLogger(PreviewAnswers.class);

    /** Told about every answer, on a worker thread. */
    public interface Listener {
        void answered(Answer answer);

        /** Where the model looked, for a picture whose answer was {@link Answer#explained()}. */
        default void explained(Explanation explanation) {
        }

        /** The server's view of a frame the browser answered. */
        default void checked(Check check) {
        }
    }

    /**
     * The answer to one picture or frame; {@code problem} is set instead when it could not be
     * answered (a refused picture carries its own message). {@code inside} is the small CNN's
     * first layer, for an explained picture of that kind.
     */
    public record Answer(UUID projectId, long generation, boolean explained,
                         Optional<PredictionService.Prediction> prediction,
                         Optional<PredictionService.FirstLayerLook> inside, Exception problem) {
    }

    /** Where the model looked, or why that is not shown: the line was full, or it failed. */
    public record Explanation(UUID projectId, long generation, Optional<PredictionService.Heatmap> heatmap,
                              Outcome outcome) {
        public enum Outcome { SHOWN, BUSY, FAILED }
    }

    /**
     * How the server's answer to a frame compares with the browser's: the classes each picked,
     * the largest difference in any class's probability, and by how much the server prefers its
     * own pick over the browser's.
     */
    public record Check(int browserBest, int serverBest, double largestGap, double margin) {
    }

    private final PredictionService predictions;
    private final ExplanationQueue explanations;
    private final Listener listener;
    private final AtomicBoolean answeringFrame = new AtomicBoolean();
    private final AtomicLong pictures = new AtomicLong();

    public PreviewAnswers(PredictionService predictions, ExplanationQueue explanations, Listener listener) {
        this.predictions = predictions;
        this.explanations = explanations;
        this.listener = listener;
    }

    /** True if no picture has been given since the one of this generation. */
    public boolean isLatest(long generation) {
        return generation == pictures.get();
    }

    /** A picture the learner gave: its answer, the first layer, and then where the model looked. */
    public void picture(String owner, UUID projectId, String fileName, byte[] bytes) {
        long generation = pictures.incrementAndGet();
        Thread.ofVirtual().name("preview-answer").start(() -> {
            Answer answer = answer(owner, projectId, fileName, bytes, true, generation);
            listener.answered(answer);
            explainLater(owner, answer, fileName, bytes);
        });
    }

    /** A picture answered with its probabilities only, as the projector shows them. */
    public void ask(String owner, UUID projectId, String fileName, byte[] bytes) {
        long generation = pictures.incrementAndGet();
        Thread.ofVirtual().name("preview-answer").start(
                () -> listener.answered(answer(owner, projectId, fileName, bytes, false, generation)));
    }

    /** A live frame: answered unless the last frame still is, and shown unless a picture came since. */
    public void frame(String owner, UUID projectId, String fileName, byte[] bytes) {
        if (!answeringFrame.compareAndSet(false, true)) {
            return;
        }
        long generation = pictures.get();
        Thread.ofVirtual().name("preview-frame").start(() -> {
            try {
                listener.answered(answer(owner, projectId, fileName, bytes, false, generation));
            } finally {
                answeringFrame.set(false);
            }
        });
    }

    /** The browser answered this frame itself; the server answers it too, to compare. */
    public void check(String owner, UUID projectId, byte[] jpeg, float[] browser) {
        Thread.ofVirtual().name("preview-check").start(() -> {
            try {
                predictions.predictAsSent(owner, projectId, "check.jpg", jpeg)
                        .ifPresent(server -> listener.checked(compare(browser, server.probabilities())));
            } catch (ImageRejectedException | RuntimeException e) {
                log.debug("A browser check could not be answered", e);
            }
        });
    }

    static Check compare(float[] browser, float[] server) {
        double gap = 0;
        for (int i = 0; i < Math.min(browser.length, server.length); i++) {
            gap = Math.max(gap, Math.abs(browser[i] - server[i]));
        }
        int browserBest = best(browser);
        int serverBest = best(server);
        double margin = browserBest < server.length ? server[serverBest] - server[browserBest] : 1;
        return new Check(browserBest, serverBest, gap, margin);
    }

    private static int best(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    private Answer answer(String owner, UUID projectId, String fileName, byte[] bytes, boolean explain,
                          long generation) {
        try {
            Optional<PredictionService.Prediction> prediction = predictions.predict(owner, projectId, fileName, bytes);
            Optional<PredictionService.FirstLayerLook> inside = explain
                    ? predictions.firstLayerOfUpload(owner, projectId, fileName, bytes)
                    : Optional.empty();
            return new Answer(projectId, generation, explain, prediction, inside, null);
        } catch (ImageRejectedException | RuntimeException e) {
            return new Answer(projectId, generation, explain, Optional.empty(), Optional.empty(), e);
        }
    }

    private void explainLater(String owner, Answer answer, String fileName, byte[] bytes) {
        if (answer.problem() != null || answer.prediction().isEmpty()) {
            return;
        }
        BooleanSupplier wanted = () -> isLatest(answer.generation());
        explanations.submit(owner, wanted, () -> {
            try {
                return predictions.saliencyOfUpload(owner, answer.projectId(), fileName, bytes);
            } catch (ImageRejectedException e) {
                return Optional.<PredictionService.Heatmap>empty(); // already said with the answer
            }
        }).whenComplete((heat, error) -> {
            Explanation.Outcome outcome = error == null ? Explanation.Outcome.SHOWN
                    : ExplanationQueue.isFull(error) ? Explanation.Outcome.BUSY
                    : Explanation.Outcome.FAILED;
            if (outcome == Explanation.Outcome.FAILED) {
                log.warn("A heat map failed", error);
            }
            listener.explained(new Explanation(answer.projectId(), answer.generation(),
                    heat == null ? Optional.empty() : heat, outcome));
        });
    }
}
