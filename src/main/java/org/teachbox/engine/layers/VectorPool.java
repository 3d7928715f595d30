package org.teachbox.engine.layers;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ConvReluPool}'s pooling with the Vector API, half a vector of outputs at a time, with
 * the same comparisons on the floats' bit patterns as its plain loop, so the same values and the
 * same winners. A vector of one conv row holds the left (a) and right (b) inputs of its windows
 * in alternate lanes; the same vector loaded one float later puts each window's right input
 * where its left one was, so max and compare work lane by lane, and the window results, in the
 * even lanes, are then packed together ({@code compress}), which keeps pooling well below the
 * cost of the convolutions ({@code bench/engine-vs-torch.sh} times the whole training step).
 *
 * <p>It reads one float past each row's last window, so rows must have room for it, as the
 * padded rows of {@link PaddedConv3x3} do. Only loaded when the {@code jdk.incubator.vector}
 * module is present; see {@link VectorSupport}. ReferenceTest checks it, through ConvReluPool,
 * against {@link Reference#maxPoolForward} and {@link Reference#maxPoolBackward}.
 */
final class VectorPool {
    private VectorPool() {}

    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, FLOATS.vectorShape());
    private static final int L = FLOATS.length();
    private static final int HALF = L / 2;
    private static final VectorMask<Integer> EVEN = VectorMask.fromLong(INTS, 0x5555_5555_5555_5555L & lanesBits());
    private static final VectorMask<Integer> FIRST_HALF_INTS = VectorMask.fromLong(INTS, (1L << HALF) - 1);
    private static final VectorMask<Float> FIRST_HALF = VectorMask.fromLong(FLOATS, (1L << HALF) - 1);

    private static long lanesBits() {
        return L >= 64 ? -1L : (1L << L) - 1;
    }

    /**
     * For each window (y, x) of a ph x pw grid of 2 x 2 windows over rows {@code stride} apart in
     * src: dst[dstOff + y * pw + x] = max(0, window maximum) and winner[same] = the index in src
     * (plus {@code winnerShift}) of the first input holding the maximum, comparing bit patterns
     * as {@link ConvReluPool} does. Returns how many windows of each row it did (the rest, fewer
     * than half a vector, are the caller's).
     */
    static int pool(float[] src, int stride, int ph, int pw, float[] dst, int dstOff, int[] winner,
                    int winnerShift) {
        int whole = pw / HALF * HALF;
        IntVector lane = IntVector.zero(INTS).addIndex(1);
        IntVector zero = IntVector.zero(INTS), one = IntVector.broadcast(INTS, 1);
        IntVector down = IntVector.broadcast(INTS, stride);
        for (int y = 0; y < ph; y++) {
            int upper = 2 * y * stride, lower = upper + stride;
            for (int x = 0; x < whole; x += HALF) {
                int i = upper + 2 * x, j = lower + 2 * x, o = dstOff + y * pw + x;
                IntVector a = FloatVector.fromArray(FLOATS, src, i).reinterpretAsInts();
                IntVector b = FloatVector.fromArray(FLOATS, src, i + 1).reinterpretAsInts();
                IntVector c = FloatVector.fromArray(FLOATS, src, j).reinterpretAsInts();
                IntVector d = FloatVector.fromArray(FLOATS, src, j + 1).reinterpretAsInts();
                IntVector up = a.max(b), low = c.max(d);
                // where the winner sits from the window's top-left input: 0 or 1, or a row down
                IntVector offUp = zero.blend(one, b.compare(VectorOperators.GT, a));
                IntVector offLow = down.add(zero.blend(one, d.compare(VectorOperators.GT, c)));
                IntVector at = lane.add(i + winnerShift).add(offUp.blend(offLow, low.compare(VectorOperators.GT, up)));
                up.max(low).max(zero).compress(EVEN).reinterpretAsFloats().intoArray(dst, o, FIRST_HALF);
                at.compress(EVEN).intoArray(winner, o, FIRST_HALF_INTS);
            }
        }
        return whole;
    }
}
