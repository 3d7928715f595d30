package org.teachbox.classroom;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One background thread that wakes the open teacher dashboards every couple of seconds. Each
 * dashboard reads the database on this thread, outside the page's session lock, and only
 * applies the result inside {@code ui.access}, which Vaadin pushes to the projector.
 */
@Component
public class DashboardClock implements DisposableBean {

    public static final Duration EVERY = Duration.ofSeconds(2);

    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "teacher-dashboard");
        t.setDaemon(true);
        return t;
    });

    public ScheduledFuture<?> every(Runnable task) {
        return clock.scheduleWithFixedDelay(task, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        clock.shutdownNow();
    }
}
