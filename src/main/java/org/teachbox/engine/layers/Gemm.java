package org.teachbox.engine.layers;

/**
 * The matrix multiplications behind Conv2D and Dense: C[i][j] += sum over p of A(i, p) * B[p][j].
 *
 * <p>This is the hot loop of the whole engine, so it trades some clarity for speed, honestly.
 * B and C are arrays of rows ({@code float[][]}), not slices of one flat array, and the innermost
 * loop reads B[p][j] and updates C[i][j] with the same index j. That is the shape the JIT (C2)
 * turns into SIMD instructions: with two slices of one flat array it cannot prove that the
 * writes never overlap the reads, and falls back to one float at a time.
 * A is read one number at a time, so it may be a flat array with any row and column stride,
 * which gives a transposed A for free. Four rows of C are updated together from four rows of B
 * ({@link #fourRows}), so every value loaded feeds four multiply-adds, and Math.fma lets each
 * multiply-add be one instruction. The p loop is cut into blocks whose rows of B stay in the L1
 * cache while every row of C passes over them.
 *
 * <p>Rows shorter than about 128 floats run slowly whatever the kernel: the JIT's vector loop
 * needs several vectors' worth of j to start, and the rest runs one float at a time. Callers with
 * short rows (the first conv's weight gradient, Dense's kernel gradient) use other loop shapes.
 */
final class Gemm {
    private Gemm() {}

    /** Bytes of B per block: a bit less than the 48 KB L1 data cache of current x86 cores. */
    private static final int BLOCK_BYTES = 32 * 1024;

    /** C[i][0..n) += sum over p < k of a[aOff + i*aRow + p*aCol] * B[p][0..n), for i < m. */
    static void mulAdd(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[][] b, float[][] c) {
        int block = blockRows(n);
        for (int p0 = 0; p0 < k; p0 += block) {
            int p1 = Math.min(k, p0 + block);
            int i = 0;
            for (; i + 3 < m; i += 4) {
                fourRows(c[i], c[i + 1], c[i + 2], c[i + 3], n, b, p0, p1, a, aOff + i * aRow, aRow, aCol);
            }
            for (; i < m; i++) {
                float[] ci = c[i];
                int ai = aOff + i * aRow;
                int p = p0;
                for (; p + 7 < p1; p += 8) {
                    int q = ai + p * aCol;
                    eight(ci, n, b, p, a[q], a[q + aCol], a[q + 2 * aCol], a[q + 3 * aCol],
                            a[q + 4 * aCol], a[q + 5 * aCol], a[q + 6 * aCol], a[q + 7 * aCol]);
                }
                for (; p < p1; p++) {
                    one(ci, n, b[p], a[ai + p * aCol]);
                }
            }
        }
    }

    /**
     * Four rows of C at once, against rows p0..p1 of B: each pass over j reads four rows of B
     * once and updates four rows of C with sixteen multiply-adds. Reusing every loaded value of
     * B four times lifted large products from 15-25 to 25-40 GFLOP/s on one core; the sixteen
     * weights are copied into locals first, because the JIT cannot keep them in registers while
     * C (another float[]) is being written.
     */
    private static void fourRows(float[] c0, float[] c1, float[] c2, float[] c3, int n, float[][] b, int p0, int p1,
                                 float[] a, int ai, int aRow, int aCol) {
        int p = p0;
        for (; p + 3 < p1; p += 4) {
            float[] b0 = b[p], b1 = b[p + 1], b2 = b[p + 2], b3 = b[p + 3];
            int q0 = ai + p * aCol, q1 = q0 + aRow, q2 = q1 + aRow, q3 = q2 + aRow;
            float a00 = a[q0], a01 = a[q0 + aCol], a02 = a[q0 + 2 * aCol], a03 = a[q0 + 3 * aCol];
            float a10 = a[q1], a11 = a[q1 + aCol], a12 = a[q1 + 2 * aCol], a13 = a[q1 + 3 * aCol];
            float a20 = a[q2], a21 = a[q2 + aCol], a22 = a[q2 + 2 * aCol], a23 = a[q2 + 3 * aCol];
            float a30 = a[q3], a31 = a[q3 + aCol], a32 = a[q3 + 2 * aCol], a33 = a[q3 + 3 * aCol];
            for (int j = 0; j < n; j++) {
                float x0 = b0[j], x1 = b1[j], x2 = b2[j], x3 = b3[j];
                c0[j] = Math.fma(a03, x3, Math.fma(a02, x2, Math.fma(a01, x1, Math.fma(a00, x0, c0[j]))));
                c1[j] = Math.fma(a13, x3, Math.fma(a12, x2, Math.fma(a11, x1, Math.fma(a10, x0, c1[j]))));
                c2[j] = Math.fma(a23, x3, Math.fma(a22, x2, Math.fma(a21, x1, Math.fma(a20, x0, c2[j]))));
                c3[j] = Math.fma(a33, x3, Math.fma(a32, x2, Math.fma(a31, x1, Math.fma(a30, x0, c3[j]))));
            }
        }
        if (p1 - p == 3) {
            threeTail(c0, c1, c2, c3, n, b, p, a, ai, aRow, aCol);
        } else {
            for (; p < p1; p++) {
                int q = ai + p * aCol;
                one(c0, n, b[p], a[q]);
                one(c1, n, b[p], a[q + aRow]);
                one(c2, n, b[p], a[q + 2 * aRow]);
                one(c3, n, b[p], a[q + 3 * aRow]);
            }
        }
    }

    /**
     * The last three rows of B for four rows of C in one pass: the first conv's 27-row im2col
     * (3 channels x 3 x 3) ends in such a tail, and running it as twelve single-row passes over
     * 4096 pixels cost about as much as the 24 rows before it. Each C entry still gets its three
     * multiply-adds in p order, so the result is the same to the bit.
     */
    private static void threeTail(float[] c0, float[] c1, float[] c2, float[] c3, int n, float[][] b, int p,
                                  float[] a, int ai, int aRow, int aCol) {
        float[] b0 = b[p], b1 = b[p + 1], b2 = b[p + 2];
        int q0 = ai + p * aCol, q1 = q0 + aRow, q2 = q1 + aRow, q3 = q2 + aRow;
        float a00 = a[q0], a01 = a[q0 + aCol], a02 = a[q0 + 2 * aCol];
        float a10 = a[q1], a11 = a[q1 + aCol], a12 = a[q1 + 2 * aCol];
        float a20 = a[q2], a21 = a[q2 + aCol], a22 = a[q2 + 2 * aCol];
        float a30 = a[q3], a31 = a[q3 + aCol], a32 = a[q3 + 2 * aCol];
        for (int j = 0; j < n; j++) {
            float x0 = b0[j], x1 = b1[j], x2 = b2[j];
            c0[j] = Math.fma(a02, x2, Math.fma(a01, x1, Math.fma(a00, x0, c0[j])));
            c1[j] = Math.fma(a12, x2, Math.fma(a11, x1, Math.fma(a10, x0, c1[j])));
            c2[j] = Math.fma(a22, x2, Math.fma(a21, x1, Math.fma(a20, x0, c2[j])));
            c3[j] = Math.fma(a32, x2, Math.fma(a31, x1, Math.fma(a30, x0, c3[j])));
        }
    }

    /**
     * The same product as {@link #mulAdd} with a unit column stride, C[i][0..n) += sum over
     * p < k of a[aOff + i*aRow + p] * B[p][0..n), for an A that is mostly zeros: each row of A is
     * first listed as its nonzero entries (into {@code at} and {@code val}, which need room for
     * k), and only their rows of B are added, four at a time. Every C entry still gets its
     * multiply-adds in p order, so this gives the bits {@link #mulAdd} gives (skipping a term
     * a * b with a = 0 changes nothing for finite b).
     *
     * <p>This is for the weight gradient of a convolution followed by ReLU and max-pooling,
     * where A is the output gradient: at most one pixel in each 2 x 2 window gets one.
     */
    static void mulAddSparseA(int m, int n, int k, float[] a, int aOff, int aRow, float[][] b, float[][] c,
                              int[] at, float[] val) {
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * aRow;
            int count = 0;
            for (int p = 0; p < k; p++) {
                at[count] = p;
                // + 1 unless the entry is +-0, as arithmetic: a float comparison would compile to
                // a branch, mispredicted about as often as it is taken
                count += -(Float.floatToRawIntBits(a[ai + p]) & 0x7fffffff) >>> 31;
            }
            for (int q = 0; q < count; q++) {
                val[q] = a[ai + at[q]];
            }
            float[] ci = c[i];
            int q = 0;
            for (; q + 3 < count; q += 4) {
                four(ci, n, b[at[q]], b[at[q + 1]], b[at[q + 2]], b[at[q + 3]],
                        val[q], val[q + 1], val[q + 2], val[q + 3]);
            }
            for (; q < count; q++) {
                one(ci, n, b[at[q]], val[q]);
            }
        }
    }

    /** c[0..n) += a0 * b0 + a1 * b1 + a2 * b2 + a3 * b3, added in that order. */
    private static void four(float[] c, int n, float[] b0, float[] b1, float[] b2, float[] b3,
                             float a0, float a1, float a2, float a3) {
        for (int j = 0; j < n; j++) {
            c[j] = Math.fma(a3, b3[j], Math.fma(a2, b2[j], Math.fma(a1, b1[j], Math.fma(a0, b0[j], c[j]))));
        }
    }

    /** c[0..n) += a0 * B[p] + a1 * B[p+1] + ... + a7 * B[p+7]. */
    private static void eight(float[] c, int n, float[][] b, int p, float a0, float a1, float a2, float a3,
                              float a4, float a5, float a6, float a7) {
        float[] b0 = b[p], b1 = b[p + 1], b2 = b[p + 2], b3 = b[p + 3];
        float[] b4 = b[p + 4], b5 = b[p + 5], b6 = b[p + 6], b7 = b[p + 7];
        for (int j = 0; j < n; j++) {
            float s = Math.fma(a0, b0[j], c[j]);
            s = Math.fma(a1, b1[j], s);
            s = Math.fma(a2, b2[j], s);
            s = Math.fma(a3, b3[j], s);
            s = Math.fma(a4, b4[j], s);
            s = Math.fma(a5, b5[j], s);
            s = Math.fma(a6, b6[j], s);
            c[j] = Math.fma(a7, b7[j], s);
        }
    }

    /** c[0..n) += a0 * b[0..n). */
    private static void one(float[] c, int n, float[] b, float a0) {
        for (int j = 0; j < n; j++) {
            c[j] = Math.fma(a0, b[j], c[j]);
        }
    }

    private static int blockRows(int n) {
        return Math.max(8, (BLOCK_BYTES / (4 * Math.max(1, n))) & ~7);
    }

    /** A rows x cols matrix as an array of rows, reusing {@code old} when it is big enough. */
    static float[][] rows(float[][] old, int rows, int cols) {
        if (old != null && old.length >= rows && old[0].length >= cols) {
            return old;
        }
        return new float[rows][cols];
    }

    static void zero(float[][] m, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            java.util.Arrays.fill(m[i], 0, cols, 0f);
        }
    }
}
