package org.teachbox.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The classroom's waiting line: fair between learners, one waiting job each. */
class FairQueueTest {

    private final FairQueue queue = new FairQueue();

    private static TrainingJob job(String owner) {
        return new TrainingJob(new TrainingRequest(owner, UUID.randomUUID(), Purpose.PROJECT,
                TrainingSettings.defaults(), DataRecipe.FAIR, (m, r) -> { }));
    }

    /** A head on stored embeddings: a second or two. */
    private static TrainingJob quick(String owner) {
        return new TrainingJob(new TrainingRequest(owner, UUID.randomUUID(), Purpose.PROJECT,
                TrainingSettings.defaults(), DataRecipe.FAIR, (m, r) -> { }), org.teachbox.project.ModelKind.PRETRAINED, 500);
    }

    @Test
    void quickTrainingsGoAheadOfALongOneButPassItAtMostFourTimes() throws Exception {
        TrainingJob scratch = job("sam"); // a small network from scratch
        queue.add(scratch);
        java.util.List<TrainingJob> quick = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            quick.add(quick("q" + i));
            queue.add(quick.getLast());
        }
        assertThat(queue.order()).containsExactly(quick.get(0), quick.get(1), quick.get(2), quick.get(3), scratch,
                quick.get(4), quick.get(5));
        for (int i = 0; i < 4; i++) {
            assertThat(queue.take()).isSameAs(quick.get(i));
        }
        assertThat(queue.passedBy(scratch)).isEqualTo(FairQueue.MAX_PASSED);
        assertThat(queue.take()).as("passed four times, it goes now").isSameAs(scratch);
        assertThat(queue.take()).isSameAs(quick.get(4));
    }

    @Test
    void fairnessBetweenLearnersStillComesFirst() throws Exception {
        TrainingJob adaFirst = quick("ada");
        queue.add(adaFirst);
        assertThat(queue.take()).isSameAs(adaFirst); // ada has one running
        TrainingJob adaQuick = quick("ada");
        TrainingJob benLong = job("ben");
        queue.add(adaQuick);
        queue.add(benLong);
        assertThat(queue.order()).as("ben has nothing running: his long one goes before ada's second")
                .containsExactly(benLong, adaQuick);
    }

    @Test
    void aLearnersSecondJobWaitsBehindEveryoneElsesFirst() throws Exception {
        TrainingJob ada1 = job("ada");
        assertThat(queue.add(ada1)).isTrue();
        assertThat(queue.take()).isSameAs(ada1); // ada now has one job running
        TrainingJob ada2 = job("ada");
        TrainingJob ben = job("ben");
        TrainingJob cy = job("cy");
        queue.add(ada2);
        queue.add(ben);
        queue.add(cy);
        assertThat(queue.order()).containsExactly(ben, cy, ada2);
        assertThat(queue.take()).isSameAs(ben);
        queue.done(ada1); // ada's first job ends: she is even with cy now, and waited longer
        assertThat(queue.order()).containsExactly(ada2, cy);
    }

    @Test
    void aLearnerMayHaveOnlyOneJobWaiting() {
        assertThat(queue.add(job("ada"))).isTrue();
        assertThat(queue.add(job("ada"))).isFalse();
        assertThat(queue.add(job("ben"))).isTrue();
        assertThat(queue.order()).hasSize(2);
    }

    @Test
    void aRemovedJobNeverStarts() throws Exception {
        TrainingJob ada = job("ada");
        TrainingJob ben = job("ben");
        queue.add(ada);
        queue.add(ben);
        assertThat(queue.remove(ada)).isTrue();
        assertThat(queue.remove(ada)).isFalse();
        assertThat(queue.take()).isSameAs(ben);
        assertThat(queue.order()).isEmpty();
    }
}
