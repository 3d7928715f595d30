package org.teachbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {

    @Test
    void aBackgroundThreadAndTheThreadsItStartsRunBehindTheOthers() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self")), "Linux only");
        AtomicInteger own = new AtomicInteger(-1);
        AtomicInteger helper = new AtomicInteger(-1);
        AtomicInteger other = new AtomicInteger(-1);
        Thread background = new Thread(() -> {
            new BackgroundPriority(10).lowerThisThread();
            own.set(BackgroundPriority.niceOfThisThread());
            Thread child = new Thread(() -> helper.set(BackgroundPriority.niceOfThisThread()));
            child.start();
            try {
                child.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        background.start();
        background.join();
        Thread bystander = new Thread(() -> other.set(BackgroundPriority.niceOfThisThread()));
        bystander.start();
        bystander.join();

        int base = BackgroundPriority.niceOfThisThread();
        assumeTrue(base == 0, "the tests run at nice 0");
        assertThat(own.get()).isEqualTo(10);
        assertThat(helper.get()).isEqualTo(own.get());
        assertThat(other.get()).isEqualTo(base);
    }

    @Test
    void zeroLeavesTheThreadAlone() throws Exception {
        AtomicInteger nice = new AtomicInteger(-1);
        Thread t = new Thread(() -> {
            new BackgroundPriority(0).lowerThisThread();
            nice.set(BackgroundPriority.niceOfThisThread());
        });
        t.start();
        t.join();
        assertThat(nice.get()).isEqualTo(BackgroundPriority.niceOfThisThread());
    }
}
