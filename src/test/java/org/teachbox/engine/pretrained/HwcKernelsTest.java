package org.teachbox.engine.pretrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.teachbox.engine.layers.VectorSupport;

/**
 * The fast kernels against the plain loops beside them, on random inputs: odd image sizes,
 * channel counts that are not a multiple of the vector length, stride 2 with MobileNetV2's
 * asymmetric (0, 1) padding, clamps and residuals, and rows computed in separate pieces.
 */
class HwcKernelsTest {
    private static final float NONE_LO = Float.NEGATIVE_INFINITY;
    private static final float NONE_HI = Float.POSITIVE_INFINITY;
    private final SplittableRandom random = new SplittableRandom(11);

    @BeforeEach
    void needsTheVectorApi() {
        assumeThat(VectorSupport.enabled()).as("run with --add-modules jdk.incubator.vector").isTrue();
    }

    private float[] random(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) random.nextDouble(-1, 1);
        }
        return a;
    }

    private static void assertClose(float[] fast, float[] plain) {
        assertThat(fast).hasSameSizeAs(plain);
        for (int i = 0; i < plain.length; i++) {
            assertThat(fast[i]).as("element " + i).isCloseTo(plain[i], org.assertj.core.data.Offset.offset(1e-5f * (1 + Math.abs(plain[i]))));
        }
    }

    @Test
    void depthwiseMatchesThePlainLoopForOddSizesStridesAndPadding() {
        int[][] cases = { // ih, iw, c, k, stride, same (1) or MobileNet's (0,1) padding (0)
            {7, 9, 13, 3, 1, 1}, {8, 8, 24, 3, 2, 0}, {9, 5, 5, 3, 2, 0}, {2, 3, 17, 3, 1, 1},
            {11, 11, 48, 3, 2, 1}, {6, 7, 8, 5, 1, 1}, {1, 1, 3, 3, 1, 1}, {14, 14, 96, 3, 1, 1}};
        for (int[] k : cases) {
            Geometry g = k[5] == 1 ? Geometry.of(k[0], k[1], k[2], k[3], k[3], k[4], true, k[2])
                    : Geometry.of(k[0] + 1, k[1] + 1, k[2], k[3], k[3], k[4], false, k[2]);
            if (k[5] == 0) { // the ZeroPadding2D((0,1),(0,1)) folded in: bottom and right only
                g = new Geometry(k[0], k[1], k[2], k[3], k[3], k[4], 0, 0, g.oh(), g.ow(), g.oc());
            }
            float[] in = random(g.ih() * g.iw() * g.ic());
            float[] w = random(g.kh() * g.kw() * g.ic());
            float[] bias = random.nextBoolean() ? random(g.ic()) : null;
            float[] plain = new float[g.oh() * g.ow() * g.oc()];
            float[] fast = new float[plain.length];
            HwcKernels.depthwise(g, in, w, bias, 0f, 6f, plain, 0, g.oh());
            HwcVectorKernels.depthwise(g, in, w, bias, 0f, 6f, fast, 0, g.oh());
            assertClose(fast, plain);
        }
    }

    @Test
    void fullConvolutionMatchesThePlainLoopWithStrideTwoAndBottomRightPadding() {
        Geometry g = new Geometry(9, 7, 3, 3, 3, 2, 0, 0, 4, 3, 13);
        for (Geometry geometry : new Geometry[] {g, new Geometry(10, 10, 3, 3, 3, 2, 0, 0, 5, 5, 16),
                Geometry.of(6, 5, 4, 3, 3, 1, true, 9)}) {
            float[] in = random(geometry.ih() * geometry.iw() * geometry.ic());
            float[] k = random(geometry.kh() * geometry.kw() * geometry.ic() * geometry.oc());
            float[] bias = random(geometry.oc());
            float[] plain = new float[geometry.oh() * geometry.ow() * geometry.oc()];
            float[] fast = new float[plain.length];
            HwcKernels.conv(geometry, in, k, bias, NONE_LO, NONE_HI, plain, 0, geometry.oh());
            HwcVectorKernels.conv(geometry, in, k, bias, NONE_LO, NONE_HI, fast, 0, geometry.oh());
            assertClose(fast, plain);
        }
    }

    @Test
    void pointwiseMatchesThePlainLoopWithClampsAndResiduals() {
        int[][] cases = {{1, 3, 3}, {7, 5, 24}, {13, 37, 29}, {49, 112, 1280 / 8}, {6, 16, 56}, {5, 8, 8}};
        for (int[] k : cases) {
            int pixels = k[0], ic = k[1], oc = k[2];
            float[] in = random(pixels * ic);
            float[] w = random(ic * oc);
            float[] bias = random.nextBoolean() ? random(oc) : null;
            float[] res = random(pixels * oc);
            for (boolean withResidual : new boolean[] {false, true}) {
                float lo = withResidual ? NONE_LO : 0f;
                float hi = withResidual ? NONE_HI : 6f;
                float[] r = withResidual ? res : null;
                float[] plain = new float[pixels * oc];
                float[] fast = new float[pixels * oc];
                HwcKernels.pointwise(in, ic, w, bias, lo, hi, r, plain, oc, 0, pixels);
                HwcVectorKernels.pointwise(in, ic, w, bias, lo, hi, r, fast, oc, 0, pixels);
                assertClose(fast, plain);
            }
        }
    }

    @Test
    void rowsComputedInPiecesEqualRowsComputedTogether() {
        Geometry g = new Geometry(15, 15, 24, 3, 3, 2, 0, 0, 7, 7, 24);
        float[] in = random(g.ih() * g.iw() * g.ic());
        float[] w = random(9 * 24);
        float[] whole = new float[7 * 7 * 24];
        float[] pieces = new float[whole.length];
        HwcVectorKernels.depthwise(g, in, w, null, 0f, 6f, whole, 0, 7);
        HwcVectorKernels.depthwise(g, in, w, null, 0f, 6f, pieces, 0, 3);
        HwcVectorKernels.depthwise(g, in, w, null, 0f, 6f, pieces, 3, 7);
        assertThat(pieces).containsExactly(whole);
        float[] k = random(24 * 40);
        float[] a = new float[49 * 40];
        float[] b = new float[49 * 40];
        HwcVectorKernels.pointwise(whole, 24, k, null, NONE_LO, NONE_HI, null, a, 40, 0, 49);
        HwcVectorKernels.pointwise(whole, 24, k, null, NONE_LO, NONE_HI, null, b, 40, 0, 21);
        HwcVectorKernels.pointwise(whole, 24, k, null, NONE_LO, NONE_HI, null, b, 40, 21, 49);
        assertThat(b).containsExactly(a);
    }

    @Test
    void thePlainDepthwiseLoopComputesAWindowByHand() {
        // 3 x 3 image of one channel, values 1..9; a 3 x 3 window of ones, stride 1, "same" padding
        Geometry g = Geometry.of(3, 3, 1, 3, 3, 1, true, 1);
        float[] in = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] ones = {1, 1, 1, 1, 1, 1, 1, 1, 1};
        float[] out = new float[9];
        HwcKernels.depthwise(g, in, ones, null, NONE_LO, NONE_HI, out, 0, 3);
        assertThat(out).containsExactly(12, 21, 16, 27, 45, 33, 24, 39, 28);
        // stride 2 with padding only at the bottom and right: windows start at (0,0) and (0,2), ...
        Geometry s2 = new Geometry(3, 3, 1, 3, 3, 2, 0, 0, 2, 2, 1);
        float[] out2 = new float[4];
        HwcKernels.depthwise(s2, in, ones, null, NONE_LO, NONE_HI, out2, 0, 2);
        assertThat(out2).containsExactly(45, 6 + 9 + 3, 7 + 8 + 9, 9);
    }
}
