package dev.attest.annotation.edit;

import dev.attest.core.volume.Volume;

import java.util.Objects;

/**
 * Limits a tool to voxels whose physical value in a reference image (HU for CT) lies in [lo, hi],
 * both ends included; the reference must lie on the label map's grid.
 */
public record IntensityRange(Volume reference, double lo, double hi) {
    public IntensityRange {
        Objects.requireNonNull(reference, "reference");
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("intensity range [" + lo + ", " + hi + "] is empty");
        }
    }

    boolean accepts(int x, int y, int z) {
        double v = reference.getPhysical(x, y, z);
        return v >= lo && v <= hi;
    }
}
