package org.teachbox.pretrained;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.teachbox.project.ModelKind;
import org.teachbox.project.SampleAdded;

/** The order the embedding warmer reads photos in: a learner who pressed Train goes first. */
class WarmingLineTest {

    private final UUID anna = UUID.randomUUID();
    private final UUID ben = UUID.randomUUID();
    private final UUID cleo = UUID.randomUUID();

    @Test
    void photosGoInTheOrderTheyArrivedWhileNobodyWaitsToTrain() {
        WarmingLine line = new WarmingLine(100);
        List<SampleAdded> all = List.of(photo(anna), photo(ben), photo(anna), photo(cleo));
        all.forEach(line::add);
        assertThat(line.next(3)).containsExactlyElementsOf(all.subList(0, 3));
        assertThat(line.next(3)).containsExactly(all.get(3));
        assertThat(line.isEmpty()).isTrue();
    }

    @Test
    void theLearnerWhoPressedTrainWaitsForTheirOwnPhotosNotForTheClasses() {
        WarmingLine line = new WarmingLine(100);
        for (int i = 0; i < 40; i++) {
            line.add(photo(anna)); // a whole upload ahead in the line
        }
        SampleAdded ben1 = photo(ben), ben2 = photo(ben), ben3 = photo(ben);
        line.add(ben1);
        line.add(ben2);
        line.add(ben3);
        line.want(ben);

        assertThat(line.next(2)).containsExactly(ben1, ben2);
        List<SampleAdded> rest = line.next(2);
        assertThat(rest.getFirst()).as("the rest of Ben's first").isEqualTo(ben3);
        assertThat(rest).as("and the batch filled up with the oldest").hasSize(2);
        assertThat(rest.get(1).projectId()).isEqualTo(anna);
        assertThat(line.size()).isEqualTo(39);
    }

    @Test
    void twoLearnersWhoPressedTrainGoInTheOrderTheyPressedIt() {
        WarmingLine line = new WarmingLine(100);
        SampleAdded a = photo(anna), b = photo(ben), c = photo(cleo);
        line.add(a);
        line.add(b);
        line.add(c);
        line.want(cleo);
        line.want(ben);
        assertThat(line.next(1)).containsExactly(c);
        assertThat(line.next(1)).containsExactly(b);
        assertThat(line.next(1)).containsExactly(a);
    }

    @Test
    void aProjectWithNothingWaitingDoesNotHoldUpTheOthers() {
        WarmingLine line = new WarmingLine(100);
        SampleAdded a = photo(anna);
        line.add(a);
        line.want(ben); // his photos were all read already
        assertThat(line.next(4)).containsExactly(a);
    }

    @Test
    void aFullLineRefusesAPhotoAndLeavesItForTheTrainingJob() {
        WarmingLine line = new WarmingLine(2);
        assertThat(line.add(photo(anna))).isTrue();
        assertThat(line.add(photo(anna))).isTrue();
        assertThat(line.add(photo(ben))).isFalse();
        assertThat(line.size()).isEqualTo(2);
    }

    private static SampleAdded photo(UUID project) {
        return new SampleAdded(project, ModelKind.PRETRAINED, UUID.randomUUID(), new byte[0]);
    }
}
