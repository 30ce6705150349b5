package dev.attest.inference.evidence;

import java.util.Objects;

/**
 * The class an evidence map explains and the voxels whose prediction it explains: either a mask the
 * caller gives ([z, y, x], x fastest) or, when the mask is null, the voxels the network itself labels as
 * the class (argmax over classes of the unaltered input).
 */
public record TargetRegion(int targetClass, boolean[] mask) {

    public TargetRegion {
        if (targetClass < 0) {
            throw new IllegalArgumentException("target class must be >= 0, got " + targetClass);
        }
        mask = mask == null ? null : mask.clone();
    }

    /** The voxels the network labels as {@code targetClass}. */
    public static TargetRegion argmax(int targetClass) {
        return new TargetRegion(targetClass, null);
    }

    /** The voxels set in {@code mask} ([z, y, x], x fastest). */
    public static TargetRegion mask(int targetClass, boolean[] mask) {
        return new TargetRegion(targetClass, Objects.requireNonNull(mask, "mask"));
    }

    public boolean usesArgmax() {
        return mask == null;
    }

    @Override
    public boolean[] mask() {
        return mask == null ? null : mask.clone();
    }

    int maskVoxels() {
        int n = 0;
        if (mask != null) {
            for (boolean b : mask) {
                n += b ? 1 : 0;
            }
        }
        return n;
    }

    boolean maskAt(int i) {
        return mask[i];
    }

    int maskLength() {
        return mask.length;
    }
}
