package org.teachbox.bias;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The plain-language verdict follows the numbers, including an honest "that barely helped". */
class ConclusionTest {

    private static final List<String> CLASSES = List.of("cat", "dog");

    /** A run on 10 cats and 10 dogs where {@code catsCalledCat} cats and {@code dogsCalledCat} dogs are called "cat". */
    private static RunSummary run(int catsCalledCat, int dogsCalledCat) {
        int[][] m = {{catsCalledCat, 10 - catsCalledCat}, {dogsCalledCat, 10 - dogsCalledCat}};
        double accuracy = (catsCalledCat + 10 - dogsCalledCat) / 20.0;
        return new RunSummary(CLASSES, accuracy, new double[] {catsCalledCat / 10.0, (10 - dogsCalledCat) / 10.0},
                new double[] {(catsCalledCat + dogsCalledCat) / 20.0, (20 - catsCalledCat - dogsCalledCat) / 20.0},
                new double[] {0.5, 0.5}, m);
    }

    @Test
    void namesTheCutClassAndTheClassThatTookItsPlace() {
        List<Conclusion.Line> lines = Conclusion.imbalance(run(10, 0), run(2, 0), null, 0, "class weights");
        assertThat(lines.get(0).key()).isEqualTo("bias.conclusion.cut");
        assertThat(lines.get(0).args()).containsExactly("cat", 10L, 50L, 50L);
        assertThat(lines.get(1).key()).isEqualTo("bias.conclusion.skew");
        assertThat(lines.get(1).args()).containsExactly(90L, "dog", 50L);
    }

    @Test
    void saysTheFixWorkedOnlyWhenItMovedTheCutClassBackNoticeably() {
        RunSummary fair = run(10, 0);
        RunSummary skewed = run(2, 0);   // "cat" predicted for 10%, truth 50%
        assertThat(Conclusion.imbalance(fair, skewed, run(8, 0), 0, "class weights"))
                .extracting(Conclusion.Line::key).contains("bias.conclusion.mitigated")
                .doesNotContain("bias.conclusion.mitigation-cost");
        assertThat(Conclusion.imbalance(fair, skewed, run(3, 0), 0, "class weights"))
                .extracting(Conclusion.Line::key).contains("bias.conclusion.mitigation-weak");
    }

    @Test
    void overshootingTheTruthIsNotCalledAFixAndItsCostIsNamed() {
        RunSummary skewed = run(2, 0);                  // cat 10%, truth 50%
        RunSummary everythingCat = run(10, 10);          // cat 100%: as far off the other way
        assertThat(Conclusion.mitigationHelped(skewed, everythingCat, 0)).isFalse();
        assertThat(Conclusion.imbalance(run(10, 0), skewed, everythingCat, 0, "oversampling"))
                .extracting(Conclusion.Line::key)
                .contains("bias.conclusion.mitigation-weak", "bias.conclusion.mitigation-cost");
        assertThat(Conclusion.mitigationHelped(skewed, run(9, 3), 0)).as("cat 60%: closer than 10%").isTrue();
    }

    @Test
    void aSmallGapIsNotCalledASkew() {
        assertThat(Conclusion.imbalance(run(10, 0), run(10, 0), null, 0, "class weights"))
                .extracting(Conclusion.Line::key).contains("bias.conclusion.no-skew");
    }

    @Test
    void aSkewedCollectionIsCalledOutOnlyWhenTheTestPicturesShowIt() {
        // skewed: perfect on its own validation pictures, but calls 9 of 10 test dogs "cat"
        List<Conclusion.Line> fooled = Conclusion.collection(run(9, 1), run(10, 9), 1.0);
        assertThat(fooled).extracting(Conclusion.Line::key).containsExactly("lab.collection.fooled", "lab.collection.skew");
        assertThat(fooled.get(0).args()).containsExactly(100L, 55L, 90L);
        assertThat(fooled.get(1).args()).containsExactly(95L, "cat", 50L);

        List<Conclusion.Line> same = Conclusion.collection(run(9, 1), run(10, 2), 1.0);
        assertThat(same).extracting(Conclusion.Line::key).containsExactly("lab.collection.same");
        assertThat(same.get(0).args()).containsExactly(90L, 90L);
    }

    @Test
    void testPictureNumbersComeFromTheirOwnMatrix() {
        RunSummary test = RunSummary.of(CLASSES, new int[][] {{3, 1}, {4, 0}});
        assertThat(test.accuracy()).isEqualTo(3 / 8.0);
        assertThat(test.predictedShare()).containsExactly(7 / 8.0, 1 / 8.0);
        assertThat(test.perClassAccuracy()).containsExactly(0.75, 0.0);
    }
}
