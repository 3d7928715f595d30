/*
 * The limits as learners read them in messages, and the defaults the app starts with.
 */
package org.teachbox.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageLimitsTest {

    @Test
    void shouldDefaultToFifteenMegabytesFortyMegapixelsAnd256Pixels() {
        ImageLimits limits = ImageLimits.defaults();

        assertThat(limits.maxBytesText()).isEqualTo("15 MB");
        assertThat(limits.maxMegapixelsText()).isEqualTo("40");
        assertThat(limits.storedSide()).isEqualTo(256);
    }

    @Test
    void shouldSayTheByteLimitTheWayPeopleDo() {
        assertThat(new ImageLimits(512 * 1024, 1, 1).maxBytesText()).isEqualTo("512 KB");
        assertThat(new ImageLimits(2_621_440, 1, 1).maxBytesText()).isEqualTo("2.5 MB");
        assertThat(new ImageLimits(100, 12_500_000, 1).maxMegapixelsText()).isEqualTo("12.5");
    }

    @Test
    void shouldRefuseLimitsThatAreNotPositive() {
        assertThatThrownBy(() -> new ImageLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageLimits(1, 1, -5)).isInstanceOf(IllegalArgumentException.class);
    }
}
