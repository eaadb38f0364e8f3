package io.curio.inference.algebra;

import java.util.Arrays;

/**
 * Cholesky factorization and solves for small dense symmetric positive definite matrices (row-major, double):
 * the k × k systems of one ALS row and the pivot blocks of {@link SymmetricInverse}.
 */
final class DenseCholesky {

    private DenseCholesky() {
    }

    /** Overwrites the lower triangle of {@code a} with L, where a = L·Lᵀ; the upper triangle is left as it was. */
    static void factor(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            double pivot = a[j * n + j] - dotOfRows(a, n, j, j, j);
            if (!(pivot > 0)) {
                throw new ArithmeticException("matrix is not positive definite: pivot " + j + " is " + pivot);
            }
            double diagonal = Math.sqrt(pivot);
            a[j * n + j] = diagonal;
            for (int i = j + 1; i < n; i++) {
                a[i * n + j] = (a[i * n + j] - dotOfRows(a, n, i, j, j)) / diagonal;
            }
        }
    }

    /** Solves L·Lᵀ·x = b in place, {@code l} being the result of {@link #factor(double[], int)}. */
    static void solve(double[] l, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i * n + k] * b[k];
            }
            b[i] = sum / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = b[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k * n + i] * b[k];
            }
            b[i] = sum / l[i * n + i];
        }
    }

    /** The inverse of a symmetric positive definite matrix, full (both triangles); {@code a} is not changed. */
    static double[] inverse(double[] a, int n) {
        double[] l = a.clone();
        factor(l, n);
        double[] inverse = new double[n * n];
        double[] column = new double[n];
        for (int j = 0; j < n; j++) {
            Arrays.fill(column, 0);
            column[j] = 1;
            solve(l, n, column);
            for (int i = 0; i < n; i++) {
                inverse[i * n + j] = column[i];
            }
        }
        return inverse;
    }

    private static double dotOfRows(double[] a, int n, int first, int second, int length) {
        double sum = 0;
        for (int k = 0; k < length; k++) {
            sum += a[first * n + k] * a[second * n + k];
        }
        return sum;
    }

}
