package org.teachbox.engine.layers;

/**
 * The matrix multiplications behind Conv2D and Dense. All matrices are row-major slices of
 * flat float arrays, described by an offset and a row stride ("leading dimension").
 *
 * <p>This is the hot loop of the whole engine, so it trades clarity for speed, honestly: the
 * innermost loop always walks a contiguous row of B and C with a unit stride, four rows of B at a
 * time, so that the JIT (C2) turns it into SIMD instructions, and the loops are blocked so the
 * piece of B being reused stays in the L1 cache.
 */
final class Gemm {
    private Gemm() {}

    /** Columns of C per block: a C row segment (2 KB) plus the B panel stay in L1. */
    private static final int NB = 512;
    /** Rows of B per block. */
    private static final int KB = 64;

    /** C[m x n] += A[m x k] * B[k x n]. */
    static void mulAdd(int m, int n, int k,
                       float[] a, int aOff, int lda,
                       float[] b, int bOff, int ldb,
                       float[] c, int cOff, int ldc) {
        for (int j0 = 0; j0 < n; j0 += NB) {
            int j1 = Math.min(n, j0 + NB);
            for (int p0 = 0; p0 < k; p0 += KB) {
                int p1 = Math.min(k, p0 + KB);
                for (int i = 0; i < m; i++) {
                    rowKernel(a, aOff + i * lda, b, bOff, ldb, c, cOff + i * ldc, p0, p1, j0, j1);
                }
            }
        }
    }

    /** c[j0..j1) += sum over p in [p0, p1) of a[p] * B[p][j0..j1). */
    private static void rowKernel(float[] a, int aRow, float[] b, int bOff, int ldb,
                                  float[] c, int cRow, int p0, int p1, int j0, int j1) {
        int p = p0;
        for (; p + 3 < p1; p += 4) {
            float a0 = a[aRow + p], a1 = a[aRow + p + 1], a2 = a[aRow + p + 2], a3 = a[aRow + p + 3];
            int b0 = bOff + p * ldb, b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb;
            for (int j = j0; j < j1; j++) {
                c[cRow + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
            }
        }
        for (; p < p1; p++) {
            float a0 = a[aRow + p];
            int b0 = bOff + p * ldb;
            for (int j = j0; j < j1; j++) {
                c[cRow + j] += a0 * b[b0 + j];
            }
        }
    }

    /** C[m x n] += A[m x k] * B^T, where B is stored n x k. Each entry is a dot product. */
    static void mulAddTransB(int m, int n, int k,
                             float[] a, int aOff, int lda,
                             float[] b, int bOff, int ldb,
                             float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int aRow = aOff + i * lda;
            for (int j = 0; j < n; j++) {
                int bRow = bOff + j * ldb;
                // four partial sums so the adds do not wait on each other
                float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int p = 0;
                for (; p + 3 < k; p += 4) {
                    s0 += a[aRow + p] * b[bRow + p];
                    s1 += a[aRow + p + 1] * b[bRow + p + 1];
                    s2 += a[aRow + p + 2] * b[bRow + p + 2];
                    s3 += a[aRow + p + 3] * b[bRow + p + 3];
                }
                for (; p < k; p++) {
                    s0 += a[aRow + p] * b[bRow + p];
                }
                c[cOff + i * ldc + j] += (s0 + s1) + (s2 + s3);
            }
        }
    }

    /** dst[cols x rows] = transpose of src[rows x cols]. */
    static void transpose(float[] src, int srcOff, int rows, int cols, float[] dst, int dstOff) {
        final int t = 32;
        for (int r0 = 0; r0 < rows; r0 += t) {
            int r1 = Math.min(rows, r0 + t);
            for (int c0 = 0; c0 < cols; c0 += t) {
                int c1 = Math.min(cols, c0 + t);
                for (int r = r0; r < r1; r++) {
                    for (int col = c0; col < c1; col++) {
                        dst[dstOff + col * rows + r] = src[srcOff + r * cols + col];
                    }
                }
            }
        }
    }
}
