package io.curio.abtest.results;

/**
 * The tests behind experiment results: Wilson score intervals, the pooled two-proportion z-test and the
 * chi-square goodness-of-fit p-value, on top of the regularized incomplete gamma function.
 */
public final class Statistics {

    /** The two-sided 95 % quantile of the standard normal distribution. */
    static final double Z_95 = 1.959963984540054;

    private static final double EPSILON = 1e-15;

    private static final int MAX_ITERATIONS = 10_000;

    private static final double[] LANCZOS = { 76.18009172947146, -86.50532032941677, 24.01409824083091,
            -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5 };

    private Statistics() {
    }

    /**
     * The 95 % Wilson score interval of {@code successes / trials}: centre
     * {@code (p + z²/2n) / (1 + z²/n)}, half-width {@code z / (1 + z²/n) × √(p(1−p)/n + z²/4n²)}.
     */
    static Interval wilson(long successes, long trials) {
        if (trials == 0) {
            return new Interval(0, 1);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z_95 * Z_95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Z_95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * The two-sided p-value of the pooled two-proportion z-test of {@code x1/n1} against {@code x2/n2}:
     * {@code z = (p1 − p2) / √(p̂(1−p̂)(1/n1 + 1/n2))} with {@code p̂ = (x1 + x2) / (n1 + n2)}. {@code NaN}
     * when either group is empty or nothing (or everything) succeeded, where the test says nothing.
     */
    static double twoProportionPValue(long x1, long n1, long x2, long n2) {
        if (n1 == 0 || n2 == 0) {
            return Double.NaN;
        }
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) {
            return Double.NaN;
        }
        double z = ((double) x1 / n1 - (double) x2 / n2) / se;
        return 2 * normalUpperTail(Math.abs(z));
    }

    /**
     * The one-sided p-value of the pooled two-proportion z-test that {@code x1/n1} is lower than {@code x2/n2}:
     * {@code P(Z ≤ z)} with {@code z} as in {@link #twoProportionPValue}. {@code NaN} where that test says
     * nothing.
     */
    public static double lowerProportionPValue(long x1, long n1, long x2, long n2) {
        double twoSided = twoProportionPValue(x1, n1, x2, n2);
        if (Double.isNaN(twoSided)) {
            return Double.NaN;
        }
        boolean lower = (double) x1 / n1 < (double) x2 / n2;
        return lower ? twoSided / 2 : 1 - twoSided / 2;
    }

    /**
     * The 95 % Newcombe hybrid score interval of the difference {@code d = p1 − p2} (Newcombe 1998, method 10),
     * built from the {@link #wilson} intervals {@code [l1, u1]} and {@code [l2, u2]} of each proportion:
     * {@code [d − √((p1 − l1)² + (u2 − p2)²), d + √((u1 − p1)² + (p2 − l2)²)]}. Unlike the Wald interval it
     * stays within [−1, 1] and keeps its coverage for small samples and rates near 0 or 1.
     */
    static Interval differenceInterval(long x1, long n1, long x2, long n2) {
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        Interval first = wilson(x1, n1);
        Interval second = wilson(x2, n2);
        double low = p1 - p2 - Math.hypot(p1 - first.low(), second.high() - p2);
        double high = p1 - p2 + Math.hypot(first.high() - p1, p2 - second.low());
        return new Interval(low, high);
    }

    /** {@code P(Z > z)} for a standard normal {@code Z} and {@code z ≥ 0}: {@code Q(1/2, z²/2) / 2}. */
    static double normalUpperTail(double z) {
        return 0.5 * regularizedGammaQ(0.5, z * z / 2);
    }

    /** {@code P(X > statistic)} for {@code X} chi-square distributed with the given degrees of freedom. */
    static double chiSquareUpperTail(double statistic, int degreesOfFreedom) {
        return regularizedGammaQ(degreesOfFreedom / 2.0, statistic / 2);
    }

    /** The upper regularized incomplete gamma function {@code Q(a, x) = Γ(a, x) / Γ(a)}. */
    static double regularizedGammaQ(double a, double x) {
        if (x <= 0) {
            return 1;
        }
        return (x < a + 1) ? 1 - lowerSeries(a, x) : upperContinuedFraction(a, x);
    }

    /** {@code P(a, x)} by its power series, which converges fast for {@code x < a + 1}. */
    private static double lowerSeries(double a, double x) {
        double term = 1 / a;
        double sum = term;
        for (int n = 1; n < MAX_ITERATIONS && Math.abs(term) > Math.abs(sum) * EPSILON; n++) {
            term *= x / (a + n);
            sum += term;
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    /** {@code Q(a, x)} by Lentz's continued fraction, which converges fast for {@code x ≥ a + 1}. */
    private static double upperContinuedFraction(double a, double x) {
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = (Math.abs(d) < tiny) ? tiny : d;
            c = b + an / c;
            c = (Math.abs(c) < tiny) ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** {@code ln Γ(x)} by the Lanczos approximation, relative error below 2e-10. */
    static double logGamma(double x) {
        double tmp = x + 5.5;
        tmp -= (x + 0.5) * Math.log(tmp);
        double series = 1.000000000190015;
        double y = x;
        for (double coefficient : LANCZOS) {
            series += coefficient / ++y;
        }
        return -tmp + Math.log(2.5066282746310005 * series / x);
    }

    /**
     * A closed interval.
     *
     * @param low lower bound
     * @param high upper bound
     */
    record Interval(double low, double high) {
    }

}
