package dev.attest.inference.probe;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The voxels of an evidence map in its top k percent: with N voxels and m = ⌈N·k/100⌉ (at least 1), every
 * voxel whose value is at least the m-th largest value. Ties at that value are all included, so the set can
 * hold more than m voxels; that keeps it a property of the map, not of the voxel order (a saturated
 * probability map has many voxels at exactly 1).
 */
public record TopSet(BitSet voxels, int size, double threshold, double percent) {

    /** The top-percent set of values (no NaN). */
    public static TopSet of(float[] values, double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("top percentage must be in (0, 100], got " + percent);
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("an empty evidence map has no top set");
        }
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        if (Float.isNaN(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("the evidence map holds NaN values");
        }
        int m = (int) Math.max(1, Math.min(values.length, Math.ceil(values.length * percent / 100.0)));
        float threshold = sorted[sorted.length - m];
        BitSet set = new BitSet(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= threshold) {
                set.set(i);
            }
        }
        return new TopSet(set, set.cardinality(), threshold, percent);
    }

    /** Dice of two top sets, 2|A ∩ B| / (|A| + |B|): |A ∩ B| / m, the usual top-k intersection, when there are no ties. */
    public double overlap(TopSet other) {
        BitSet both = (BitSet) voxels.clone();
        both.and(other.voxels);
        return 2.0 * both.cardinality() / (size + other.size);
    }
}
