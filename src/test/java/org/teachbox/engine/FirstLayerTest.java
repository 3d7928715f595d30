package org.teachbox.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The first-layer look (filters and feature maps) against plain loops on a tiny known input. */
class FirstLayerTest {

    // 2 channels of 4 x 4: channel 0 counts 1..16 row by row, channel 1 is a vertical edge
    private static final float[] PICTURE = {
            1, 2, 3, 4,
            5, 6, 7, 8,
            9, 10, 11, 12,
            13, 14, 15, 16,

            0, 0, 1, 1,
            0, 0, 1, 1,
            0, 0, 1, 1,
            0, 0, 1, 1};

    /** Two 3 x 3 filters on 2 channels: a "left minus right" edge detector on channel 1 and its opposite. */
    private static Model tinyNet() {
        Model model = Model.builder(2, 4, 4).conv2d(2, 3).relu().maxPool(2).flatten().dense(2).build(7);
        float[] w = model.parameters().get(0).data; // [2][2][3][3]
        float[] edge = {-1, 0, 1, -1, 0, 1, -1, 0, 1};
        for (int i = 0; i < 9; i++) {
            w[i] = 0.1f * (i - 4);          // filter 0, channel 0: a small ramp
            w[9 + i] = edge[i];              // filter 0, channel 1: vertical edge
            w[18 + i] = 0f;                  // filter 1, channel 0: nothing
            w[27 + i] = 0f - edge[i];        // filter 1, channel 1: the opposite edge (0f - : no -0)
        }
        float[] b = model.parameters().get(1).data;
        b[0] = 0.5f;
        b[1] = -0.25f;
        model.parameters().get(0).changed();
        model.parameters().get(1).changed();
        return model;
    }

    @Test
    void readsTheFiltersAsTheyAreStored() {
        FirstLayer first = FirstLayer.of(tinyNet()).orElseThrow();
        assertThat(first.filters()).isEqualTo(2);
        assertThat(first.inChannels()).isEqualTo(2);
        assertThat(first.kernel()).isEqualTo(3);
        assertThat(first.mapHeight()).isEqualTo(4);
        assertThat(first.mapWidth()).isEqualTo(4);
        assertThat(first.activated()).isTrue();
        float[] f1 = first.filter(1);
        assertThat(f1).hasSize(18);
        assertThat(f1).startsWith(0, 0, 0, 0, 0, 0, 0, 0, 0).endsWith(1, 0, -1, 1, 0, -1, 1, 0, -1);
        assertThat(first.filter(0)[9]).isEqualTo(-1f);
        assertThat(first.bias(1)).isEqualTo(-0.25f);
        // a copy: changing it does not change the network
        f1[0] = 99;
        assertThat(first.filter(1)[0]).isZero();
    }

    @Test
    void featureMapsAreTheConvolutionAfterReluAsPlainLoopsGiveIt() {
        Model model = tinyNet();
        float[][] maps = FirstLayer.of(model).orElseThrow().featureMaps(PICTURE);
        float[] w = model.parameters().get(0).data;
        float[] b = model.parameters().get(1).data;
        assertThat(maps).hasDimensions(2, 16);
        for (int f = 0; f < 2; f++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    double sum = b[f];
                    for (int c = 0; c < 2; c++) {
                        for (int ky = 0; ky < 3; ky++) {
                            for (int kx = 0; kx < 3; kx++) {
                                int iy = y - 1 + ky, ix = x - 1 + kx;
                                if (iy >= 0 && iy < 4 && ix >= 0 && ix < 4) {
                                    sum += w[((f * 2 + c) * 3 + ky) * 3 + kx] * PICTURE[(c * 4 + iy) * 4 + ix];
                                }
                            }
                        }
                    }
                    assertThat(maps[f][y * 4 + x]).as("filter %d at (%d, %d)", f, y, x)
                            .isCloseTo((float) Math.max(0, sum), within(1e-5f));
                }
            }
        }
        // worked by hand, filter 1 at row 1, column 1: channel 0 contributes 0; channel 1's window
        // is columns 0..2 = (0, 0, 1) three times, times (1, 0, -1): 3 * -1 = -3, plus bias -0.25
        // = -3.25, which ReLU turns into 0. At column 3 the window is (1, 1, 0) (0 padding on the
        // right): 3 * 1 = 3 - 0.25 = 2.75.
        assertThat(maps[1][1 * 4 + 1]).isZero();
        assertThat(maps[1][1 * 4 + 3]).isCloseTo(2.75f, within(1e-5f));
        // filter 0 at the top-left corner (row 0, column 0), window rows -1..1, columns -1..1:
        // channel 0: 0.0*1 + 0.1*2 + 0.3*5 + 0.4*6 = 4.1; channel 1: all 0 there; bias 0.5 -> 4.6
        assertThat(maps[0][0]).isCloseTo(4.6f, within(1e-5f));
    }

    @Test
    void aRealSizedCnnGivesOneMapPerFilterAndLeavesPredictionAlone() {
        Model model = Presets.refCnn(3, 64, 3, 11);
        FirstLayer first = FirstLayer.of(model).orElseThrow();
        float[] picture = new float[3 * 64 * 64];
        for (int i = 0; i < picture.length; i++) {
            picture[i] = (i % 64 < 32 ? -0.5f : 0.5f) * ((i / 4096) + 1) / 3f;
        }
        float[] before = model.predict(picture);
        float[][] maps = first.featureMaps(picture);
        assertThat(maps).hasDimensions(16, 64 * 64);
        assertThat(first.filter(15)).hasSize(27);
        for (float[] map : maps) {
            for (float v : map) {
                assertThat(v).isGreaterThanOrEqualTo(0f); // after ReLU
            }
        }
        assertThat(model.predict(picture)).containsExactly(before);
        assertThatThrownBy(() -> first.featureMaps(new float[10])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void networksWithoutAConvolutionFirstHaveNoFirstLayerLook() {
        assertThat(FirstLayer.of(Presets.mlp(3, 28, 1, 0))).isEmpty();
        assertThat(FirstLayer.of(Presets.transferHead(3, 1280, 0))).isEmpty();
    }
}
