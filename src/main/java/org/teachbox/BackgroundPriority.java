package org.teachbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Puts the server's long number-crunching threads (training, reading photos ahead, heat maps)
 * behind the threads that answer clicks, so a class's pages stay quick while the cores are full.
 * Java's own thread priorities do nothing on Linux, so the thread asks the kernel for a higher
 * nice value with {@code renice}, which any user may do to their own threads; threads it starts
 * afterwards (the engine's helpers) inherit it. Elsewhere, or without {@code renice}, it does
 * nothing. {@code teachbox.background.nice=0} turns it off.
 */
@Component
public class BackgroundPriority {

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);

    private final int nice;

    public BackgroundPriority(@Value("${teachbox.background.nice:10}") int nice) {
        this.nice = Math.max(0, Math.min(19, nice));
    }

    /** Lowers the calling thread; call it first thing on a background thread. */
    public void lowerThisThread() {
        if (nice == 0) {
            return;
        }
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self")); // "<pid>/task/<tid>"
            String tid = self.getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", String.valueOf(nice), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
            }
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("Could not lower the priority of {}", Thread.currentThread().getName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** This thread's nice value as the kernel sees it, or 0 where it cannot be read. */
    public static int niceOfThisThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(f[16]); // field 19, nice
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
