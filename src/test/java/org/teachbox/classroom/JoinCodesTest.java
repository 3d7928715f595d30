package org.teachbox.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Codes a class can read off a projector: no look-alike letters, forgiving of how they are typed. */
class JoinCodesTest {

    @Test
    void codesAvoidLookAlikesAndRarelyRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = JoinCodes.next();
            assertThat(code).hasSize(6).doesNotContain("0", "O", "1", "I", "L");
            seen.add(code);
        }
        assertThat(seen).hasSizeGreaterThan(1990);
    }

    @Test
    void typedCodesAreNormalisedOrRefused() {
        assertThat(JoinCodes.normalise(" k7p-2qx ")).contains("K7P2QX");
        assertThat(JoinCodes.normalise("K7P 2QX")).contains("K7P2QX");
        assertThat(JoinCodes.normalise("K7P2Q")).isEmpty();
        assertThat(JoinCodes.normalise("K7P2Q0")).isEmpty();
        assertThat(JoinCodes.normalise("<script>")).isEmpty();
        assertThat(JoinCodes.normalise(null)).isEmpty();
    }
}
