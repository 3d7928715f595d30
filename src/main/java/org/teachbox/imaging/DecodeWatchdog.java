/*
 * A time limit for one decode. ImageIO readers cannot be interrupted, but they stop between
 * rows when asked to abort, so a timer asks, and keeps asking (a reader clears the request
 * when it starts reading), until the decode returns. One daemon thread serves every decode.
 */
package org.teachbox.imaging;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;

final class DecodeWatchdog {

    private static final long REPEAT_MILLIS = 20;

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "decode-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration limit;

    DecodeWatchdog(Duration limit) {
        this.limit = limit;
    }

    /** Starts the clock for this reader; close the watch when the read returns. */
    Watch watch(ImageReader reader) {
        Watch watch = new Watch();
        reader.addIIOReadProgressListener(new AbortListener(watch.stopped));
        watch.timer = TIMER.scheduleAtFixedRate(() -> {
            watch.stopped.set(true);
            reader.abort();
        }, limit.toMillis(), REPEAT_MILLIS, TimeUnit.MILLISECONDS);
        return watch;
    }

    static final class Watch implements AutoCloseable {
        private final AtomicBoolean stopped = new AtomicBoolean();
        private ScheduledFuture<?> timer;

        /** True when time ran out, whether or not the reader noticed before it finished. */
        boolean stopped() {
            return stopped.get();
        }

        @Override
        public void close() {
            timer.cancel(false);
        }
    }

    private record AbortListener(AtomicBoolean stopped) implements IIOReadProgressListener {
        @Override
        public void readAborted(ImageReader source) {
            stopped.set(true);
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
        }

        @Override
        public void sequenceComplete(ImageReader source) {
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
        }

        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
        }

        @Override
        public void imageComplete(ImageReader source) {
        }

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageReader source) {
        }
    }
}
