package org.teachbox.engine.layers;

/**
 * The matrix multiplications behind Conv2D and Dense: C[i][j] += sum over p of A(i, p) * B[p][j].
 *
 * <p>This is the hot loop of the whole engine, so it trades some clarity for speed, honestly.
 * B and C are arrays of rows ({@code float[][]}), not slices of one flat array, and the innermost
 * loop reads B[p][j] and updates C[i][j] with the same index j. That is the shape the JIT (C2)
 * turns into SIMD instructions: with two slices of one flat array it cannot prove that the
 * writes never overlap the reads, and falls back to one float at a time, about five times slower.
 * A is read one number at a time, so it may be a flat array with any row and column stride,
 * which gives a transposed A for free. Eight rows of B are combined per pass over C[i], so C[i]
 * is loaded and stored once per eight multiply-adds, and Math.fma lets each multiply-add be one
 * instruction. The p loop is cut into blocks whose rows of B stay in the L1 cache while every
 * row of C passes over them.
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
            for (int i = 0; i < m; i++) {
                float[] ci = c[i];
                int ai = aOff + i * aRow;
                int p = p0;
                for (; p + 7 < p1; p += 8) {
                    int q = ai + p * aCol;
                    eight(ci, n, b, p, a[q], a[q + aCol], a[q + 2 * aCol], a[q + 3 * aCol],
                            a[q + 4 * aCol], a[q + 5 * aCol], a[q + 6 * aCol], a[q + 7 * aCol]);
                }
                if (p + 3 < p1) {
                    int q = ai + p * aCol;
                    four(ci, n, b, p, a[q], a[q + aCol], a[q + 2 * aCol], a[q + 3 * aCol]);
                    p += 4;
                }
                for (; p < p1; p++) {
                    one(ci, n, b[p], a[ai + p * aCol]);
                }
            }
        }
    }

    /**
     * The first {@link #mulAdd} with the rows of C split between the caller and the common
     * fork-join pool. Used only for single-image prediction, where there is no batch to spread
     * over threads; different rows of C never share memory, so the halves cannot interfere.
     */
    static void mulAddParallel(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[][] b, float[][] c) {
        int threads = Math.min(PARALLELISM, m / 8);
        if (threads < 2 || (long) m * n * k < 500_000) {
            mulAdd(m, n, k, a, aOff, aRow, aCol, b, c);
            return;
        }
        java.util.concurrent.ForkJoinTask<?>[] tasks = new java.util.concurrent.ForkJoinTask<?>[threads - 1];
        for (int t = 1; t < threads; t++) {
            int from = t * m / threads, to = (t + 1) * m / threads;
            tasks[t - 1] = java.util.concurrent.ForkJoinPool.commonPool().submit(() ->
                    mulAdd(to - from, n, k, a, aOff + from * aRow, aRow, aCol, b, java.util.Arrays.copyOfRange(c, from, to)));
        }
        mulAdd(m / threads, n, k, a, aOff, aRow, aCol, b, c);
        for (java.util.concurrent.ForkJoinTask<?> task : tasks) {
            task.join();
        }
    }

    private static final int PARALLELISM =
            Math.min(4, Math.max(1, java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1));

    /** The same product with A given as rows: C[i][0..n) += sum over p < k of A[i][p] * B[p][0..n). */
    static void mulAdd(int m, int n, int k, float[][] a, float[][] b, float[][] c) {
        int block = blockRows(n);
        for (int p0 = 0; p0 < k; p0 += block) {
            int p1 = Math.min(k, p0 + block);
            for (int i = 0; i < m; i++) {
                float[] ci = c[i];
                float[] ai = a[i];
                int p = p0;
                for (; p + 7 < p1; p += 8) {
                    eight(ci, n, b, p, ai[p], ai[p + 1], ai[p + 2], ai[p + 3], ai[p + 4], ai[p + 5], ai[p + 6], ai[p + 7]);
                }
                if (p + 3 < p1) {
                    four(ci, n, b, p, ai[p], ai[p + 1], ai[p + 2], ai[p + 3]);
                    p += 4;
                }
                for (; p < p1; p++) {
                    one(ci, n, b[p], ai[p]);
                }
            }
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

    /** c[0..n) += a0 * B[p] + ... + a3 * B[p+3]: for what is left after the blocks of eight. */
    private static void four(float[] c, int n, float[][] b, int p, float a0, float a1, float a2, float a3) {
        float[] b0 = b[p], b1 = b[p + 1], b2 = b[p + 2], b3 = b[p + 3];
        for (int j = 0; j < n; j++) {
            float s = Math.fma(a0, b0[j], c[j]);
            s = Math.fma(a1, b1[j], s);
            s = Math.fma(a2, b2[j], s);
            c[j] = Math.fma(a3, b3[j], s);
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
