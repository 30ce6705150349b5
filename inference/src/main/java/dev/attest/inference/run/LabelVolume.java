package dev.attest.inference.run;

/** How much of one label a result holds on the source grid: voxel count and millilitres. */
public record LabelVolume(int value, String name, long voxels, double millilitres) {
}
