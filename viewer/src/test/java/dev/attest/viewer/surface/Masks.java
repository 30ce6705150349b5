package dev.attest.viewer.surface;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;

/**
 * The synthetic label maps of the surface tests, built exactly as tools/reference/make_surface_refs.py
 * builds them (same arithmetic in the same order, so the same voxels are inside).
 */
final class Masks {
    static final int[] SIZE = {40, 36, 24};
    static final double[] SPACING = {0.8, 1.0, 1.5};
    static final double[] CENTRE = {19.3, 17.6, 11.2};
    static final double RADIUS = 12.0;

    private Masks() {
    }

    static ImageGrid anisotropicGrid() {
        return new ImageGrid(SIZE[0], SIZE[1], SIZE[2], Affine.diagonal(SPACING[0], SPACING[1], SPACING[2]));
    }

    static boolean inSphere(int i, int j, int k) {
        double dx = (i - CENTRE[0]) * SPACING[0];
        double dy = (j - CENTRE[1]) * SPACING[1];
        double dz = (k - CENTRE[2]) * SPACING[2];
        return dx * dx + dy * dy + dz * dz <= RADIUS * RADIUS;
    }

    static boolean inLattice(int i, int j, int k) {
        return inSphere(i, j, k) && (i * 7 + j * 13 + k * 29) % 11 < 6;
    }

    interface Shape {
        boolean inside(int i, int j, int k);
    }

    /** A UINT8 label map on grid with label where shape says inside, 0 elsewhere. */
    static Volume labelMap(ImageGrid grid, int label, Shape shape) {
        Volume v = Volume.allocate(grid, VoxelType.UINT8);
        for (int k = 0; k < grid.sizeZ(); k++) {
            for (int j = 0; j < grid.sizeY(); j++) {
                for (int i = 0; i < grid.sizeX(); i++) {
                    if (shape.inside(i, j, k)) {
                        v.setStored(i, j, k, label);
                    }
                }
            }
        }
        return v;
    }

    static long count(Volume v, int label) {
        long n = 0;
        for (int k = 0; k < v.grid().sizeZ(); k++) {
            for (int j = 0; j < v.grid().sizeY(); j++) {
                for (int i = 0; i < v.grid().sizeX(); i++) {
                    n += v.getStored(i, j, k) == label ? 1 : 0;
                }
            }
        }
        return n;
    }

    /** The fingerprint the reference script stores: Σi + 1000 Σj + 10^6 Σk over inside voxels. */
    static long indexSum(Volume v, int label) {
        long s = 0;
        for (int k = 0; k < v.grid().sizeZ(); k++) {
            for (int j = 0; j < v.grid().sizeY(); j++) {
                for (int i = 0; i < v.grid().sizeX(); i++) {
                    if (v.getStored(i, j, k) == label) {
                        s += i + 1000L * j + 1000000L * k;
                    }
                }
            }
        }
        return s;
    }
}
