package org.teachbox.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Occlusion saliency finds the one region a hand-made model looks at. */
class SaliencyTest {

    @Test
    void highlightsTheRegionTheModelUses() {
        // 8x8 grey-scale input; class 0's logit is the sum of the top-left 4x4 pixels, class 1's is 0
        Model model = Model.builder(1, 8, 8).flatten().dense(2).build(0);
        float[] kernel = model.parameters().get(0).data; // [64 inputs][2 units]
        Arrays.fill(kernel, 0f);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                kernel[(y * 8 + x) * 2] = 0.1f;
            }
        }
        float[] image = new float[64];
        Arrays.fill(image, 1f); // white: covering any of the top-left pixels with grey lowers class 0
        float[] map = Saliency.occlusion(model, image, 0, 2, 2);
        assertThat(map).hasSize(64);
        float max = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                float v = map[y * 8 + x];
                if (y < 4 && x < 4) {
                    assertThat(v).isGreaterThan(0.5f);
                } else {
                    assertThat(v).isZero();
                }
                max = Math.max(max, v);
            }
        }
        assertThat(max).isEqualTo(1f);
    }
}
