package dev.attest.annotation.edit;

/** An axis-aligned box of voxels in index space, both corners included. */
public record IndexBox(VoxelIndex min, VoxelIndex max) {
    public IndexBox {
        for (int a = 0; a < 3; a++) {
            if (min.get(a) > max.get(a)) {
                throw new IllegalArgumentException("box corner " + min + " is not below " + max + " on axis " + a);
            }
        }
    }

    /** A box from two corners in any order. */
    public static IndexBox spanning(VoxelIndex a, VoxelIndex b) {
        return new IndexBox(new VoxelIndex(Math.min(a.i(), b.i()), Math.min(a.j(), b.j()), Math.min(a.k(), b.k())),
                new VoxelIndex(Math.max(a.i(), b.i()), Math.max(a.j(), b.j()), Math.max(a.k(), b.k())));
    }

    /** A rectangle one voxel thick in plane at index slice of the fixed axis, corners (u0, v0) and (u1, v1) in any order. */
    public static IndexBox rectangle(SlicePlane plane, int slice, int u0, int v0, int u1, int v1) {
        VoxelIndex a = new VoxelIndex(0, 0, 0).with(plane.fixedAxis(), slice).with(plane.uAxis(), u0).with(plane.vAxis(), v0);
        VoxelIndex b = a.with(plane.uAxis(), u1).with(plane.vAxis(), v1);
        return spanning(a, b);
    }

    public boolean contains(int i, int j, int k) {
        return i >= min.i() && i <= max.i() && j >= min.j() && j <= max.j() && k >= min.k() && k <= max.k();
    }

    public long voxelCount() {
        return (long) (max.i() - min.i() + 1) * (max.j() - min.j() + 1) * (max.k() - min.k() + 1);
    }
}
