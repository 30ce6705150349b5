package dev.attest.annotation.edit;

import dev.attest.core.geometry.Vec3;

/** A point or box a reviewer placed for a label, kept as a record rather than painted into voxels. */
public sealed interface Mark {
    int label();

    /** A point in LPS millimetres. */
    record Point(int label, Vec3 lps) implements Mark {
    }

    /** An index-space box with its two corner voxel centres in LPS millimetres. */
    record Box(int label, IndexBox box, Vec3 minLps, Vec3 maxLps) implements Mark {
    }
}
