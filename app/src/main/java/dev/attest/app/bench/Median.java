package dev.attest.app.bench;

import java.util.Arrays;
import java.util.List;

/** The median every benchmark prints: the middle value, or the mean of the two middle ones; NaN when empty. */
public final class Median {
    private Median() {
    }

    public static double of(List<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public static double of(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
