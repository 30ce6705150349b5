package dev.attest.reports.anatomy;

import dev.attest.core.geometry.Vec3;
import dev.attest.reports.evidence.VoxelMask;

/**
 * One connected component of a lesion label: its voxels, its number among the label's components (1 = the
 * largest), the structure it lies in ({@code containerLabel}, 0 when none was found) and its centroid.
 */
public record LabelComponent(int label, int number, VoxelMask mask, int containerLabel, Vec3 centroidLps) {
}
