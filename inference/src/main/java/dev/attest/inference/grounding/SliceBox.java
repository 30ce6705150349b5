package dev.attest.inference.grounding;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;

import java.util.List;

/**
 * An axis-aligned box on a slice in pixel index coordinates: pixel (i, j)'s centre is at (i, j), so the
 * whole slice spans -0.5 .. width - 0.5 in x and -0.5 .. height - 0.5 in y; x0 <= x1, y0 <= y1.
 */
public record SliceBox(double x0, double y0, double x1, double y1) {

    public SliceBox {
        if (!(x0 <= x1) || !(y0 <= y1)) {
            throw new IllegalArgumentException("box corners out of order: (" + x0 + ", " + y0 + ") .. (" + x1 + ", " + y1 + ")");
        }
    }

    /**
     * The four corners in patient LPS mm through the slice grid, in the order (x0, y0), (x1, y0),
     * (x1, y1), (x0, y1); on an oblique or rotated slice the patient-space box is not axis-aligned,
     * which is why corners are given rather than a min/max pair.
     */
    public List<Vec3> cornersLps(ImageGrid grid) {
        var a = grid.indexToLps();
        return List.of(a.apply(x0, y0, 0), a.apply(x1, y0, 0), a.apply(x1, y1, 0), a.apply(x0, y1, 0));
    }

    /** The centre in patient LPS mm. */
    public Vec3 centreLps(ImageGrid grid) {
        return grid.indexToLps().apply((x0 + x1) / 2, (y0 + y1) / 2, 0);
    }
}
