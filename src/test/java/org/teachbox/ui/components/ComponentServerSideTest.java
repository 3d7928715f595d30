package org.teachbox.ui.components;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server halves of the four browser components, without a browser: what the browser's
 * calls turn into, and what a tampered or confused browser cannot make them do. What the
 * elements draw is checked in a real browser by the end-to-end tests.
 */
class ComponentServerSideTest {

    @Test
    void confusionMatrixRejectsCountsThatDoNotMatchTheClasses() {
        ConfusionMatrix matrix = new ConfusionMatrix();

        assertThatThrownBy(() -> matrix.setData(List.of("cat", "dog"), new int[][]{{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> matrix.setData(List.of("cat", "dog"), new int[][]{{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void confusionMatrixReportsTheClickedCell() {
        ConfusionMatrix matrix = new ConfusionMatrix();
        matrix.setData(List.of("cat", "dog", "bird"), new int[][]{{5, 1, 0}, {2, 7, 0}, {0, 0, 9}});
        List<String> clicks = new ArrayList<>();
        matrix.addCellClickListener(e -> clicks.add(e.getActual() + "->" + e.getPredicted()));

        matrix.cellClicked(1, 0);

        assertThat(clicks).containsExactly("1->0");
    }

    @Test
    void confusionMatrixIgnoresClicksOutsideTheMatrix() {
        ConfusionMatrix matrix = new ConfusionMatrix();
        matrix.setData(List.of("cat", "dog"), new int[][]{{5, 1}, {2, 7}});
        List<Integer> clicks = new ArrayList<>();
        matrix.addCellClickListener(e -> clicks.add(e.getActual()));

        matrix.cellClicked(2, 0);
        matrix.cellClicked(0, -1);

        assertThat(clicks).isEmpty();
    }

    @Test
    void trainChartSendsNonFiniteValuesAsGaps() {
        TrainChart chart = new TrainChart();

        chart.setHistory(Arrays.asList(0.5, Double.NaN), Arrays.asList(Double.POSITIVE_INFINITY, 0.4));

        assertThat(chart.getElement().getPropertyRaw("train").toString()).isEqualTo("[0.5,null]");
        assertThat(chart.getElement().getPropertyRaw("validation").toString()).isEqualTo("[null,0.4]");
    }

    @Test
    void trainChartAppendsLivePointsAndClearEmptiesIt() {
        TrainChart chart = new TrainChart();
        chart.setHistory(List.of(0.1), List.of(0.2));

        chart.addPoint(0.3, 0.4);

        assertThat(chart.getElement().getPropertyRaw("train").toString()).isEqualTo("[0.1,0.3]");
        chart.setBestEpoch(2);
        chart.clear();
        assertThat(chart.getElement().getPropertyRaw("train").toString()).isEqualTo("[]");
        assertThat(chart.getElement().getProperty("bestEpoch", -1)).isZero();
    }

    @Test
    void webcamTurnsBase64FramesIntoJpegBytes() {
        WebcamCapture cam = new WebcamCapture();
        cam.setMode(WebcamCapture.Mode.PREDICT);
        List<WebcamCapture.FrameCapturedEvent> frames = new ArrayList<>();
        cam.addFrameCapturedListener(frames::add);
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};

        cam.frame(Base64.getEncoder().encodeToString(jpeg));

        assertThat(frames).singleElement().satisfies(f -> {
            assertThat(f.getJpeg()).isEqualTo(jpeg);
            assertThat(f.getMode()).isEqualTo(WebcamCapture.Mode.PREDICT);
        });
        assertThat(cam.getElement().getProperty("mode")).isEqualTo("predict");
    }

    @Test
    void webcamDropsFramesThatAreNotBase64OrFarTooBig() {
        WebcamCapture cam = new WebcamCapture();
        List<WebcamCapture.FrameCapturedEvent> frames = new ArrayList<>();
        cam.addFrameCapturedListener(frames::add);

        cam.frame("not base64!");
        cam.frame("A".repeat(2 * 1024 * 1024));
        cam.frame(null);

        assertThat(frames).isEmpty();
    }

    @Test
    void drawPadReportsDrawingsAndClears() {
        DrawPad pad = new DrawPad();
        List<byte[]> drawings = new ArrayList<>();
        List<DrawPad.ClearEvent> clears = new ArrayList<>();
        pad.addDrawingListener(e -> drawings.add(e.getPng()));
        pad.addClearListener(clears::add);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};

        pad.drawn(Base64.getEncoder().encodeToString(png));
        pad.cleared();

        assertThat(drawings).containsExactly(png);
        assertThat(clears).hasSize(1);
    }
}
