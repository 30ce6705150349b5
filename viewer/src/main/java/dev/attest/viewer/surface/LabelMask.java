package dev.attest.viewer.surface;

import java.util.Arrays;

/**
 * The binary mask of one label, cut out of its label map over the label's bounding box plus a
 * border of one background voxel on every side, so that marching cubes closes the surface where
 * the label touches the edge of the volume.
 *
 * @param inside one value per voxel, 1 inside the label; index (k × sizeY + j) × sizeX + i
 * @param originI grid index i of the mask's voxel (0, 0, 0), which is a padding voxel
 */
record LabelMask(byte[] inside, int sizeX, int sizeY, int sizeZ, int originI, int originJ, int originK,
                 long voxelCount) {

    boolean at(int i, int j, int k) {
        return inside[(k * sizeY + j) * sizeX + i] != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelMask m && sizeX == m.sizeX && sizeY == m.sizeY && sizeZ == m.sizeZ
                && originI == m.originI && originJ == m.originJ && originK == m.originK
                && Arrays.equals(inside, m.inside);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(inside) * 31 + sizeX;
    }

    @Override
    public String toString() {
        return "LabelMask[" + sizeX + "x" + sizeY + "x" + sizeZ + " at (" + originI + ", " + originJ + ", "
                + originK + "), " + voxelCount + " voxels]";
    }
}
