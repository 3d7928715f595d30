package org.teachbox.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    @Test
    void holdsOutCeilingOfFifteenPercentOfEachClass() {
        assertThat(StratifiedSplit.validationCount(1)).isEqualTo(1);
        assertThat(StratifiedSplit.validationCount(2)).isEqualTo(1);
        assertThat(StratifiedSplit.validationCount(7)).isEqualTo(2);   // 1.05 rounds up
        assertThat(StratifiedSplit.validationCount(20)).isEqualTo(3);  // exactly 3.0, not 4
        assertThat(StratifiedSplit.validationCount(100)).isEqualTo(15);
        assertThat(StratifiedSplit.validationCount(200)).isEqualTo(30);
    }

    @Test
    void everyImageLandsInExactlyOneHalfPerClass() {
        List<StratifiedSplit.Part> parts = StratifiedSplit.split(List.of(1, 2, 7, 200), 42);
        int[] sizes = {1, 2, 7, 200};
        for (int c = 0; c < sizes.length; c++) {
            StratifiedSplit.Part part = parts.get(c);
            Set<Integer> all = new HashSet<>(part.train());
            all.addAll(part.validation());
            assertThat(all).hasSize(sizes[c]);
            assertThat(part.train()).doesNotContainAnyElementsOf(part.validation());
            assertThat(part.validation()).hasSize(StratifiedSplit.validationCount(sizes[c]));
        }
        assertThat(parts.get(0).train()).isEmpty();
        assertThat(parts.get(1).train()).hasSize(1);
        assertThat(parts.get(2).train()).hasSize(5);
        assertThat(parts.get(3).validation()).hasSize(30);
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        assertThat(StratifiedSplit.split(List.of(50, 50), 7)).isEqualTo(StratifiedSplit.split(List.of(50, 50), 7));
        assertThat(StratifiedSplit.split(List.of(50, 50), 7)).isNotEqualTo(StratifiedSplit.split(List.of(50, 50), 8));
    }
}
