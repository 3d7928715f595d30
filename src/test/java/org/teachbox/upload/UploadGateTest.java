package org.teachbox.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** One learner's flood of files is refused as busy at once; the others, and memory, are not touched. */
class UploadGateTest {

    @Test
    void aLearnerPastTheirFilesInMemoryIsRefusedAtOnceWhileAnotherLearnerGoesIn() {
        UploadGate gate = new UploadGate(2, 1 << 30, Duration.ofSeconds(5));
        Optional<UploadGate.Pass> first = gate.enter("leo", 1000);
        Optional<UploadGate.Pass> second = gate.enter("leo", 1000);
        long before = System.nanoTime();
        assertThat(gate.enter("leo", 1000)).isEmpty();
        assertThat(System.nanoTime() - before).as("refused without waiting").isLessThan(Duration.ofSeconds(1).toNanos());
        assertThat(gate.enter("mia", 1000)).isPresent();
        first.orElseThrow().close();
        assertThat(gate.enter("leo", 1000)).as("a slot given back is free again").isPresent();
        second.orElseThrow().close();
    }

    @Test
    void filesBeyondTheServersMemoryForUploadsWaitBrieflyThenAreRefused() {
        UploadGate gate = new UploadGate(8, 10 * 1024, Duration.ofMillis(100));
        UploadGate.Pass big = gate.enter("leo", 8 * 1024).orElseThrow();
        assertThat(gate.enter("mia", 8 * 1024)).isEmpty();
        big.close();
        assertThat(gate.enter("mia", 8 * 1024)).isPresent();
        // a file larger than the whole budget still gets in alone, instead of never
        UploadGate alone = new UploadGate(8, 10 * 1024, Duration.ofMillis(100));
        assertThat(alone.enter("ada", 50 * 1024)).isPresent();
    }
}
