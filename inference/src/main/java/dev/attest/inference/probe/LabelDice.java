package dev.attest.inference.probe;

import dev.attest.core.volume.Volume;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well a perturbed run's labels agree with the unperturbed run's: per foreground label k, Dice =
 * 2|A_k ∩ B_k| / (|A_k| + |B_k|) over the voxels of the common grid, for every k ≥ 1 that either run gives
 * (a label only one run gives scores 0, so a label that appears under perturbation counts against it too);
 * mean is the unweighted mean over those labels, NaN when neither run labels anything.
 */
public record LabelDice(Map<Integer, Double> perLabel, double mean) {

    public LabelDice {
        perLabel = Collections.unmodifiableMap(new TreeMap<>(perLabel));
    }

    /** Compares two label maps on the same grid, voxel by voxel. */
    public static LabelDice of(Volume reference, Volume other) {
        if (!reference.grid().equals(other.grid())) {
            throw new IllegalArgumentException("label maps lie on different grids: " + reference.grid() + " vs " + other.grid());
        }
        return of(labels(reference), labels(other));
    }

    /** Compares two flat label arrays of equal length (values 0..65535). */
    public static LabelDice of(int[] reference, int[] other) {
        if (reference.length != other.length) {
            throw new IllegalArgumentException("label arrays differ in length: " + reference.length + " vs " + other.length);
        }
        int max = 0;
        for (int i = 0; i < reference.length; i++) {
            max = Math.max(max, Math.max(reference[i], other[i]));
        }
        long[] a = new long[max + 1];
        long[] b = new long[max + 1];
        long[] both = new long[max + 1];
        for (int i = 0; i < reference.length; i++) {
            a[reference[i]]++;
            b[other[i]]++;
            if (reference[i] == other[i]) {
                both[reference[i]]++;
            }
        }
        Map<Integer, Double> dice = new TreeMap<>();
        double sum = 0;
        for (int k = 1; k <= max; k++) {
            if (a[k] + b[k] > 0) {
                double d = 2.0 * both[k] / (a[k] + b[k]);
                dice.put(k, d);
                sum += d;
            }
        }
        return new LabelDice(dice, dice.isEmpty() ? Double.NaN : sum / dice.size());
    }

    /** The stored label values as a flat array, x fastest. */
    static int[] labels(Volume v) {
        var g = v.grid();
        int[] out = new int[Math.toIntExact(g.voxelCount())];
        int i = 0;
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    double s = v.getStored(x, y, z);
                    if (s < 0 || s > 65535 || s != Math.rint(s)) {
                        throw new IllegalArgumentException(v.name() + ": label " + s + " at (" + x + "," + y + "," + z
                                + ") is not a whole number in 0..65535");
                    }
                    out[i++] = (int) s;
                }
            }
        }
        return out;
    }
}
