package org.teachbox.pretrained;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.teachbox.BackgroundPriority;
import org.springframework.transaction.event.TransactionalEventListener;
import org.teachbox.project.ModelKind;
import org.teachbox.project.SampleAdded;
import org.teachbox.project.TrainingWanted;

/**
 * Reads a new photo with the pretrained network soon after it is stored, on one background
 * thread, so that pressing Train a minute later only trains the head. Pictures that arrive
 * together are read together, up to {@link #BATCH} at a time, and the photos of a project whose
 * learner pressed Train go first ({@link WarmingLine}). It is a head start, not a promise:
 * when more than a whole class's upload waits ({@link #WAITING}), the extra pictures are left for
 * the training job, which makes whatever embeddings are still missing.
 */
@Component
class EmbeddingWarmer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingWarmer.class);
    /** Pictures waiting (each a stored picture of some 10-30 KB): 30 learners × 100 pictures. */
    private static final int WAITING = 3000;
    private static final int BATCH = 16;

    private final Embeddings embeddings;
    private final WarmingLine waiting = new WarmingLine(WAITING);
    private final Thread worker;

    EmbeddingWarmer(Embeddings embeddings, BackgroundPriority priority) {
        this.embeddings = embeddings;
        this.worker = new Thread(() -> {
            priority.lowerThisThread();
            work();
        }, "embedding-warmer");
        worker.setDaemon(true);
        worker.start();
    }

    /** After the picture's transaction committed (or at once, outside one). */
    @TransactionalEventListener(fallbackExecution = true)
    void onSampleAdded(SampleAdded added) {
        if (added.kind() != ModelKind.PRETRAINED || embeddings.backbone().isEmpty()) {
            return;
        }
        boolean queued;
        synchronized (waiting) {
            queued = waiting.add(added);
            waiting.notifyAll();
        }
        if (!queued) {
            log.debug("Too many pictures waiting; picture {} is left for its training", added.sampleId());
        }
    }

    /** A learner pressed Train: that project's photos waiting here go first. */
    @TransactionalEventListener(fallbackExecution = true)
    void onTrainingWanted(TrainingWanted wanted) {
        if (wanted.kind() == ModelKind.PRETRAINED) {
            synchronized (waiting) {
                waiting.want(wanted.projectId());
            }
        }
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            List<SampleAdded> batch;
            synchronized (waiting) {
                while (waiting.isEmpty()) {
                    try {
                        waiting.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                batch = waiting.next(BATCH);
            }
            Map<UUID, byte[]> images = new LinkedHashMap<>();
            batch.forEach(a -> images.put(a.sampleId(), a.image()));
            try {
                embeddings.warmAll(images);
            } catch (RuntimeException e) {
                log.debug("Could not read {} pictures ahead of training; training will", images.size(), e);
            }
        }
    }

    @Override
    public void destroy() {
        worker.interrupt();
    }
}
