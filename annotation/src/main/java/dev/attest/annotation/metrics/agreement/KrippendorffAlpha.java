package dev.attest.annotation.metrics.agreement;

import dev.attest.annotation.metrics.MetricInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Krippendorff's alpha for any number of raters with missing ratings, by the coincidence-matrix method
 * (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011): each unit with m ≥ 2 values adds
 * 1/(m − 1) to o_ck for every ordered pair of its values; then D_o = Σ o_ck δ²_ck / n and
 * D_e = Σ n_c n_k δ²_ck / (n (n − 1)) over the value frequencies n_c = Σ_k o_ck.
 */
public final class KrippendorffAlpha {
    private KrippendorffAlpha() {
    }

    /** Alpha of ratings[unit][rater], NaN = missing, at the given level of measurement. */
    public static AlphaResult compute(double[][] ratings, AlphaLevel level) {
        TreeSet<Double> distinct = new TreeSet<>();
        for (double[] unit : ratings) {
            for (double v : unit) {
                if (!Double.isNaN(v)) {
                    if (Double.isInfinite(v)) {
                        throw new MetricInputException("a rating is infinite");
                    }
                    if (level == AlphaLevel.RATIO && v < 0) {
                        throw new MetricInputException("ratio alpha needs values >= 0, got " + v);
                    }
                    distinct.add(v);
                }
            }
        }
        List<Double> values = new ArrayList<>(distinct);
        int k = values.size();
        double[][] coincidences = new double[k][k];
        int units = 0;
        for (double[] unit : ratings) {
            int[] counts = new int[k];
            int m = 0;
            for (double v : unit) {
                if (!Double.isNaN(v)) {
                    counts[values.indexOf(v)]++;
                    m++;
                }
            }
            if (m < 2) {
                continue;
            }
            units++;
            for (int c = 0; c < k; c++) {
                if (counts[c] == 0) {
                    continue;
                }
                for (int d = 0; d < k; d++) {
                    double pairs = c == d ? (double) counts[c] * (counts[c] - 1) : (double) counts[c] * counts[d];
                    coincidences[c][d] += pairs / (m - 1);
                }
            }
        }
        double[] frequency = new double[k];
        double n = 0;
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) {
                frequency[c] += coincidences[c][d];
            }
            n += frequency[c];
        }
        if (n < 2) {
            throw new MetricInputException("alpha needs at least one unit rated twice; no value is pairable");
        }
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) {
                double delta = delta2(level, values, frequency, c, d);
                observed += coincidences[c][d] * delta;
                expected += frequency[c] * frequency[d] * delta;
            }
        }
        observed /= n;
        expected /= n * (n - 1);
        double alpha = expected == 0 ? Double.NaN : 1 - observed / expected;
        List<Double> frequencies = new ArrayList<>(k);
        for (double f : frequency) {
            frequencies.add(f);
        }
        return new AlphaResult(alpha, observed, expected, level, n, units, values, frequencies);
    }

    private static double delta2(AlphaLevel level, List<Double> values, double[] frequency, int c, int d) {
        if (c == d) {
            return 0;
        }
        double a = values.get(c);
        double b = values.get(d);
        return switch (level) {
            case NOMINAL -> 1;
            case ORDINAL -> {
                int lo = Math.min(c, d);
                int hi = Math.max(c, d);
                double sum = 0;
                for (int g = lo; g <= hi; g++) {
                    sum += frequency[g];
                }
                double x = sum - (frequency[lo] + frequency[hi]) / 2;
                yield x * x;
            }
            case INTERVAL -> (a - b) * (a - b);
            case RATIO -> a + b == 0 ? 0 : ((a - b) / (a + b)) * ((a - b) / (a + b));
        };
    }
}
