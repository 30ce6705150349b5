package dev.attest.annotation.metrics.segmentation;

/** A box of voxels, from (x0, y0, z0) with nx × ny × nz voxels: the part of the grid one label occupies. */
record Crop(int x0, int y0, int z0, int nx, int ny, int nz) {

    long voxels() {
        return (long) nx * ny * nz;
    }

    /**
     * The mask of voxels in the box whose label in the reader equals label, index (x + nx·(y + ny·z)) in box
     * coordinates.
     */
    byte[] mask(LabelReader labels, int label, int[] row) {
        if (voxels() > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("label " + label + " spans " + voxels() + " voxels, more than one array holds");
        }
        byte[] mask = new byte[(int) voxels()];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                labels.readRow(y0 + y, z0 + z, row);
                int at = nx * (y + ny * z);
                for (int x = 0; x < nx; x++) {
                    if (row[x0 + x] == label) {
                        mask[at + x] = 1;
                    }
                }
            }
        }
        return mask;
    }
}
