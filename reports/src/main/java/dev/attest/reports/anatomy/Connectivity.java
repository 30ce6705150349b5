package dev.attest.reports.anatomy;

/**
 * Which voxels touch: faces only (6) or faces, edges and corners (26). 26 is the default because a small
 * lesion drawn obliquely through thick slices often touches its next slice only at an edge, and counting
 * it as two lesions would invent a finding.
 */
public enum Connectivity {
    SIX, TWENTY_SIX;

    /** The (dx, dy, dz) offsets of the neighbours. */
    int[][] offsets() {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        for (int dz = -1; dz <= 1; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int manhattan = Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
                    if (manhattan == 1 || (this == TWENTY_SIX && manhattan > 1)) {
                        out.add(new int[] {dx, dy, dz});
                    }
                }
            }
        }
        return out.toArray(new int[0][]);
    }
}
