package dev.attest.inference.grounding;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;

/**
 * A grounding heat map on the slice's own grid (row-major, x fastest; after the output's activation),
 * with the threshold from the manifest that decides which pixels belong to the grounded region. The
 * grid places every value in the patient, so the map can be drawn over the slice and stored as evidence.
 */
public record GroundingHeatMap(ImageGrid grid, float[] values, double threshold) {

    public GroundingHeatMap {
        if (grid.sizeZ() != 1 || values.length != grid.sizeX() * grid.sizeY()) {
            throw new IllegalArgumentException("a heat map needs one value per pixel of a one-slice grid");
        }
    }

    public float valueAt(int i, int j) {
        return values[j * grid.sizeX() + i];
    }

    /** The pixel with the highest value (the first in row-major order on ties). */
    public Peak peak() {
        int best = 0;
        for (int p = 1; p < values.length; p++) {
            if (values[p] > values[best]) {
                best = p;
            }
        }
        int i = best % grid.sizeX();
        int j = best / grid.sizeX();
        return new Peak(i, j, values[best], grid.indexToLps().apply(i, j, 0));
    }

    /** The box around every pixel at or above the threshold (pixel edges, not centres), or null when none is. */
    public SliceBox region() {
        int minI = Integer.MAX_VALUE;
        int minJ = Integer.MAX_VALUE;
        int maxI = -1;
        int maxJ = -1;
        for (int p = 0; p < values.length; p++) {
            if (values[p] >= threshold) {
                int i = p % grid.sizeX();
                int j = p / grid.sizeX();
                minI = Math.min(minI, i);
                maxI = Math.max(maxI, i);
                minJ = Math.min(minJ, j);
                maxJ = Math.max(maxJ, j);
            }
        }
        return maxI < 0 ? null : new SliceBox(minI - 0.5, minJ - 0.5, maxI + 0.5, maxJ + 0.5);
    }

    /** The heat map's maximum: pixel (i, j), its value and its centre in LPS mm. */
    public record Peak(int i, int j, float value, Vec3 lps) {
    }
}
