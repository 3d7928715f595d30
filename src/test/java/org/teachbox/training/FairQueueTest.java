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
