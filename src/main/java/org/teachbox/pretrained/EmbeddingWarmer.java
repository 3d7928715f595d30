package org.teachbox.pretrained;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.teachbox.project.ModelKind;
import org.teachbox.project.SampleAdded;

/**
 * Reads a new photo with the pretrained network soon after it is stored, on one background
 * thread, so that pressing Train a minute later only trains the head. It is a head start, not a
 * promise: when many pictures arrive at once the extra ones are left for the training job, which
 * makes whatever embeddings are still missing.
 */
@Component
class EmbeddingWarmer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingWarmer.class);
    /** Pictures waiting for the background thread; a class of 30 dropping folders overflows it. */
    private static final int WAITING = 400;

    private final Embeddings embeddings;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WAITING), r -> {
                Thread t = new Thread(r, "embedding-warmer");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());

    EmbeddingWarmer(Embeddings embeddings) {
        this.embeddings = embeddings;
    }

    /** After the picture's transaction committed (or at once, outside one). */
    @TransactionalEventListener(fallbackExecution = true)
    void onSampleAdded(SampleAdded added) {
        if (added.kind() != ModelKind.PRETRAINED || embeddings.backbone().isEmpty()) {
            return;
        }
        executor.execute(() -> {
            try {
                embeddings.warm(added.sampleId(), added.image());
            } catch (RuntimeException e) {
                log.debug("Could not read picture {} ahead of training; training will", added.sampleId(), e);
            }
        });
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
