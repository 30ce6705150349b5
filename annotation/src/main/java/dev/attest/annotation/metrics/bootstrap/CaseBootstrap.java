package dev.attest.annotation.metrics.bootstrap;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Case-level percentile bootstrap. Resampling whole cases (not claims or scores) keeps the claims and reviews
 * of one study together, since they are not independent of each other. Each resample draws as many cases
 * as there are, with replacement, and is handed to the statistic as a count per case; the interval is the
 * pair of quantiles of the defined statistics (linear interpolation between order statistics, numpy's
 * default). Every statistic is resampled from the same seed, so two statistics of one stratum see the same
 * resamples and a rerun gives the same interval.
 */
public final class CaseBootstrap {
    private final int cases;
    private final BootstrapOptions options;

    public CaseBootstrap(int cases, BootstrapOptions options) {
        if (cases < 0) {
            throw new IllegalArgumentException("case count must be >= 0, got " + cases);
        }
        this.cases = cases;
        this.options = options;
    }

    /**
     * The estimate Σ numerators / Σ denominators over the cases, with its interval; numerators[i] and
     * denominators[i] belong to case i.
     */
    public Estimate ratio(double[] numerators, double[] denominators) {
        if (numerators.length != cases || denominators.length != cases) {
            throw new IllegalArgumentException("need one numerator and denominator per case (" + cases + "), got "
                    + numerators.length + " and " + denominators.length);
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < cases; i++) {
            num += numerators[i];
            den += denominators[i];
        }
        ConfidenceInterval ci = interval(counts -> {
            double n = 0;
            double d = 0;
            for (int i = 0; i < counts.length; i++) {
                n += counts[i] * numerators[i];
                d += counts[i] * denominators[i];
            }
            return d == 0 ? Double.NaN : n / d;
        });
        return new Estimate(den == 0 ? Double.NaN : num / den, num, den, ci);
    }

    /**
     * The interval of any statistic of the cases: statistic receives, per resample, how many times each case
     * was drawn, and returns NaN when undefined for that resample.
     */
    public ConfidenceInterval interval(ToDoubleFunction<int[]> statistic) {
        double[] values = new double[options.resamples()];
        int valid = 0;
        if (cases > 0) {
            SplittableRandom random = new SplittableRandom(options.seed());
            int[] counts = new int[cases];
            for (int b = 0; b < options.resamples(); b++) {
                Arrays.fill(counts, 0);
                for (int i = 0; i < cases; i++) {
                    counts[random.nextInt(cases)]++;
                }
                double v = statistic.applyAsDouble(counts);
                if (!Double.isNaN(v)) {
                    values[valid++] = v;
                }
            }
        }
        if (valid == 0) {
            return new ConfidenceInterval(Double.NaN, Double.NaN, options.level(), options.resamples(), 0,
                    ConfidenceInterval.METHOD, options.seed());
        }
        double[] sorted = Arrays.copyOf(values, valid);
        Arrays.sort(sorted);
        double alpha = 1 - options.level();
        return new ConfidenceInterval(quantile(sorted, alpha / 2), quantile(sorted, 1 - alpha / 2), options.level(),
                options.resamples(), valid, ConfidenceInterval.METHOD, options.seed());
    }

    /** The q-quantile of sorted values, interpolating linearly between order statistics (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
