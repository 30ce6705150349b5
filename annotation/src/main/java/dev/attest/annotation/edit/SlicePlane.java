package dev.attest.annotation.edit;

/**
 * A plane of the voxel grid in which 2D tools work, named for an axially acquired grid: the plane
 * holds one index axis fixed and spans the other two.
 */
public enum SlicePlane {
    /** Fixed k (slice), spans i and j. */
    AXIAL(2, 0, 1),
    /** Fixed j (row), spans i and k. */
    CORONAL(1, 0, 2),
    /** Fixed i (column), spans j and k. */
    SAGITTAL(0, 1, 2);

    private final int fixedAxis;
    private final int uAxis;
    private final int vAxis;

    SlicePlane(int fixedAxis, int uAxis, int vAxis) {
        this.fixedAxis = fixedAxis;
        this.uAxis = uAxis;
        this.vAxis = vAxis;
    }

    /** The index axis (0 = i, 1 = j, 2 = k) that stays constant in the plane. */
    public int fixedAxis() {
        return fixedAxis;
    }

    /** The first in-plane index axis. */
    public int uAxis() {
        return uAxis;
    }

    /** The second in-plane index axis. */
    public int vAxis() {
        return vAxis;
    }
}
