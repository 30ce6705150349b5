package dev.attest.core.nifti;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import java.util.List;

/**
 * Places a NIfTI image in LPS space from its header: sform, else qform, else pixdim, moving on to
 * the next with a warning when the preferred transform is unusable (singular or not finite),
 * because a viewer can still show such a file and the user should see why it looks wrong.
 */
final class NiftiGridPlacer {

    /** The grid and the header transform that placed it. */
    record Placement(ImageGrid grid, NiftiTransformSource source) {
    }

    private NiftiGridPlacer() {
    }

    static Placement place(NiftiHeader header, int sizeX, int sizeY, int sizeZ, List<String> warnings) {
        NiftiTransformSource[] order = NiftiTransformSource.values();
        for (int n = header.transformSource().ordinal(); n < order.length; n++) {
            NiftiTransformSource source = order[n];
            if (source == NiftiTransformSource.QFORM && header.qformCode() <= 0) {
                continue;
            }
            try {
                return new Placement(ImageGrid.fromRas(sizeX, sizeY, sizeZ, header.indexToRas(source)), source);
            } catch (IllegalArgumentException | ArithmeticException e) {
                warnings.add(source + " is unusable (" + e.getMessage() + "); falling back to the next transform");
            }
        }
        // Only reachable with absurd pixdims (e.g. 1e-300, whose cube underflows): show the data unscaled.
        warnings.add("no usable transform; placing voxels on a 1 mm grid at the origin");
        return new Placement(ImageGrid.fromRas(sizeX, sizeY, sizeZ, Affine.identity()), NiftiTransformSource.PIXDIM);
    }
}
