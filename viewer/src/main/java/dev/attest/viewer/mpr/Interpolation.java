package dev.attest.viewer.mpr;

/** How a reslice reads the volume between voxel centres. */
public enum Interpolation {
    /** The value of the closest voxel: shows the data as acquired, for reading and label maps. */
    NEAREST,
    /** Trilinear in index space: smooth oblique reformats, exact for values linear in position. */
    LINEAR
}
