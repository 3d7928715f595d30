package org.teachbox.upload;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Webcam frames and drawings of one shelf, decoded and stored one after another on a thread of
 * their own, so the page's lock is never held while a picture is decoded or written, and frames
 * land in the order they were taken. At most {@link #WAITING} wait; a page sending faster than the
 * server stores gets "too fast" for the rest instead of a queue that grows without end. The
 * thread exists only while pictures come in.
 */
public final class CaptureQueue {

    public static final int WAITING = 8;

    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WAITING), Thread.ofPlatform().name("capture-", 0).daemon().factory());

    public CaptureQueue() {
        worker.allowCoreThreadTimeOut(true);
    }

    /** False when too many are waiting (or the shelf is gone): the caller says "too fast". */
    public boolean offer(Runnable store) {
        try {
            worker.execute(store);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    public void close() {
        worker.shutdown();
    }
}
