package dev.attest.inference.run;

import dev.attest.inference.manifest.Normalisation;
import java.util.Arrays;

/**
 * Applies a manifest's {@link Normalisation} in place, computing in double: WINDOW clips to
 * [lower, upper] and scales to [0, 1]; ZSCORE subtracts the mean and divides by the population
 * standard deviation (1 where it is 0), over and applied to the voxels ≠ 0 only when nonzero is set
 * (MONAI's NormalizeIntensity); PERCENTILE maps the lower and upper percentiles (linear
 * interpolation between ranks, as numpy.percentile) to 0 and 1, clipping if asked; MINMAX maps the
 * minimum and maximum to 0 and 1. A zero range leaves values shifted but unscaled.
 */
public final class IntensityNormaliser {

    private IntensityNormaliser() {
    }

    public static void apply(float[] v, Normalisation n) {
        switch (n.kind()) {
            case NONE -> { }
            case WINDOW -> {
                double range = n.upper() - n.lower();
                if (!(range > 0)) {
                    throw new IllegalArgumentException("WINDOW normalisation needs upper > lower, got "
                            + n.lower() + " .. " + n.upper());
                }
                for (int i = 0; i < v.length; i++) {
                    double x = Math.min(Math.max(v[i], n.lower()), n.upper());
                    v[i] = (float) ((x - n.lower()) / range);
                }
            }
            case ZSCORE -> zscore(v, n.nonzero());
            case PERCENTILE -> {
                float[] sorted = v.clone();
                Arrays.sort(sorted);
                double lo = percentile(sorted, n.lower());
                double hi = percentile(sorted, n.upper());
                scale(v, lo, hi, n.clip());
            }
            case MINMAX -> {
                double lo = Double.MAX_VALUE;
                double hi = -Double.MAX_VALUE;
                for (float x : v) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
                scale(v, lo, hi, false);
            }
        }
    }

    private static void zscore(float[] v, boolean nonzero) {
        double sum = 0;
        long count = 0;
        for (float x : v) {
            if (!nonzero || x != 0) {
                sum += x;
                count++;
            }
        }
        if (count == 0) {
            return;
        }
        double mean = sum / count;
        double ss = 0;
        for (float x : v) {
            if (!nonzero || x != 0) {
                ss += (x - mean) * (x - mean);
            }
        }
        double std = Math.sqrt(ss / count);
        double div = std == 0 ? 1 : std;
        for (int i = 0; i < v.length; i++) {
            if (!nonzero || v[i] != 0) {
                v[i] = (float) ((v[i] - mean) / div);
            }
        }
    }

    /** numpy.percentile's default ("linear"): rank p/100 · (n − 1), interpolated between neighbours. */
    static double percentile(float[] sorted, double p) {
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in [0, 100], got " + p);
        }
        double rank = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double f = rank - lo;
        return sorted[lo] + (sorted[hi] - (double) sorted[lo]) * f;
    }

    private static void scale(float[] v, double lo, double hi, boolean clip) {
        double range = hi - lo;
        double div = range == 0 ? 1 : range;
        for (int i = 0; i < v.length; i++) {
            double x = (v[i] - lo) / div;
            if (clip) {
                x = Math.min(Math.max(x, 0), 1);
            }
            v[i] = (float) x;
        }
    }
}
