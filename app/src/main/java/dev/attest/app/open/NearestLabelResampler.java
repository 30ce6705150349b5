package dev.attest.app.open;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;

/**
 * Puts a label map on another grid of the same patient space by nearest neighbour (labels are
 * never blended): each target voxel takes the label of the source voxel whose box holds its
 * centre, background (0) outside the source. Rounds half up, as the slice views' nearest sampling does.
 * Public for the PDF key images, which lay a run's label map over the reopened image.
 */
public final class NearestLabelResampler {

    private NearestLabelResampler() {
    }

    public static Volume resample(Volume labels, ImageGrid target) {
        Volume out = Volume.allocate(target, labels.type());
        ImageGrid source = labels.grid();
        // Target index -> source index is affine: one matrix, a few multiply-adds per voxel.
        Affine toSource = source.lpsToIndex().multiply(target.indexToLps());
        int nx = source.sizeX();
        int ny = source.sizeY();
        int nz = source.sizeZ();
        for (int k = 0; k < target.sizeZ(); k++) {
            for (int j = 0; j < target.sizeY(); j++) {
                for (int i = 0; i < target.sizeX(); i++) {
                    Vec3 s = toSource.apply(i, j, k);
                    int x = (int) Math.floor(s.x() + 0.5);
                    int y = (int) Math.floor(s.y() + 0.5);
                    int z = (int) Math.floor(s.z() + 0.5);
                    if (x >= 0 && y >= 0 && z >= 0 && x < nx && y < ny && z < nz) {
                        double v = labels.getStored(x, y, z);
                        if (v != 0) {
                            out.setStored(i, j, k, v);
                        }
                    }
                }
            }
        }
        return out;
    }
}
