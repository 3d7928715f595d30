package org.teachbox.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report is stored as JSON with every run. A report written before test pictures existed has
 * no "test" field and must still read; one with a test judgement must read back whole.
 */
class TrainingReportJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aReportFromBeforeTestPicturesReadsWithoutATestJudgement() {
        ObjectNode old = (ObjectNode) json.readTree(json.writeValueAsString(report(null)));
        old.remove("test");

        TrainingReport read = json.readValue(old.toString(), TrainingReport.class);

        assertThat(read.test()).isNull();
        assertThat(read.classNames()).containsExactly("circle", "square");
    }

    @Test
    void settingsFromBeforeEarlyStoppingReadAsEveryEpoch() {
        ObjectNode old = (ObjectNode) json.readTree(json.writeValueAsString(report(null)));
        ((ObjectNode) old.get("settings")).remove("earlyStop");

        TrainingReport read = json.readValue(old.toString(), TrainingReport.class);

        assertThat(read.settings().stopsEarly()).isFalse();
        assertThat(read.settings().epochs()).isEqualTo(report(null).settings().epochs());
    }

    @Test
    void aTestJudgementReadsBackWhole() {
        UUID picture = UUID.randomUUID();
        TestResult test = new TestResult(new int[][] {{0, 1}, {0, 0}},
                List.of(new TrainingReport.ValidationItem(picture, 0, 1, 0.9)));

        TrainingReport read = json.readValue(json.writeValueAsString(report(test)), TrainingReport.class);

        assertThat(read.test().confusion()).isDeepEqualTo(new int[][] {{0, 1}, {0, 0}});
        assertThat(read.test().cell(0, 1)).extracting(TrainingReport.ValidationItem::sampleId).containsExactly(picture);
        assertThat(read.test().accuracy()).isZero();
    }

    private static TrainingReport report(TestResult test) {
        return new TrainingReport(TrainingReport.COMPLETED, TrainingSettings.defaults(), List.of("circle", "square"),
                List.of(), List.of(), 1, new int[][] {{1, 0}, {0, 1}}, List.of(), List.of(), 10, 5, 1.0, 3, test);
    }
}
