package dev.attest.annotation.edit;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Brush shapes checked voxel by voxel against the patient-space distance of every voxel centre. */
class BrushGeometryTest {

    static ImageGrid grid(int nx, int ny, int nz, double sx, double sy, double sz) {
        return new ImageGrid(nx, ny, nz, Affine.fromColumns(new Vec3(sx, 0, 0), new Vec3(0, sy, 0), new Vec3(0, 0, sz),
                new Vec3(-12.5, 30, 7)));
    }

    /** Counts voxels labelled label and checks each against the expected predicate on LPS distance. */
    private static long checkEveryVoxel(Volume v, int label, Vec3 centreLps, double radius, int fixedAxis, int fixedIndex) {
        ImageGrid g = v.grid();
        long count = 0;
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    int[] xyz = {x, y, z};
                    boolean inPlane = fixedAxis < 0 || xyz[fixedAxis] == fixedIndex;
                    boolean expected = inPlane && g.indexToLps().apply(x, y, z).distance(centreLps) <= radius;
                    assertEquals(expected ? label : 0, (int) v.getStored(x, y, z), "voxel " + x + "," + y + "," + z);
                    count += expected ? 1 : 0;
                }
            }
        }
        return count;
    }

    @Test
    void axialDiscOnAnisotropicGridCoversExactlyTheVoxelsWithinTheRadiusInMm() {
        Volume v = Volume.allocate(grid(25, 20, 6, 0.7, 1.3, 2.5), VoxelType.UINT8);
        EditSession s = new EditSession(v);
        VoxelIndex c = new VoxelIndex(12, 9, 3);
        Stroke stroke = s.apply(new EditOperation.Paint(4, new Region.Disc(SlicePlane.AXIAL, c, 4.1)));
        long expected = checkEveryVoxel(v, 4, v.grid().indexToLps().apply(12, 9, 3), 4.1, 2, 3);
        assertEquals(expected, stroke.changedVoxelCount());
        assertEquals(expected, s.changedVoxelCount());
    }

    @Test
    void coronalAndSagittalDiscsSpanTheirOwnPlanes() {
        Volume v = Volume.allocate(grid(18, 15, 14, 0.8, 1.1, 2.0), VoxelType.UINT16);
        EditSession s = new EditSession(v);
        s.apply(new EditOperation.Paint(300, new Region.Disc(SlicePlane.CORONAL, new VoxelIndex(9, 7, 6), 5.3)));
        checkEveryVoxel(v, 300, v.grid().indexToLps().apply(9, 7, 6), 5.3, 1, 7);

        Volume w = Volume.allocate(grid(18, 15, 14, 0.8, 1.1, 2.0), VoxelType.UINT16);
        new EditSession(w).apply(new EditOperation.Paint(7, new Region.Disc(SlicePlane.SAGITTAL, new VoxelIndex(4, 7, 6), 5.3)));
        checkEveryVoxel(w, 7, w.grid().indexToLps().apply(4, 7, 6), 5.3, 0, 4);
    }

    @Test
    void discIncludesVoxelCentresLyingExactlyOnTheRadius() {
        // spacing 1 x 2 mm, radius 2 mm: the row (5 voxels, |di| <= 2) plus one voxel above and below (dj = ±1 is 2 mm).
        Volume v = Volume.allocate(grid(9, 9, 1, 1, 2, 3), VoxelType.UINT8);
        Stroke stroke = new EditSession(v).apply(new EditOperation.Paint(1, new Region.Disc(SlicePlane.AXIAL, new VoxelIndex(4, 4, 0), 2)));
        assertEquals(7, stroke.changedVoxelCount());
        assertEquals(1, (int) v.getStored(4, 5, 0));
        assertEquals(0, (int) v.getStored(5, 5, 0));
        assertEquals(1, (int) v.getStored(6, 4, 0));
    }

    @Test
    void sphereOnAnisotropicGridMatchesDistanceOfEveryVoxelCentre() {
        Volume v = Volume.allocate(grid(24, 22, 12, 0.9, 0.6, 1.7), VoxelType.UINT8);
        Stroke stroke = new EditSession(v).apply(new EditOperation.Paint(9, new Region.Sphere(new VoxelIndex(11, 10, 5), 5.05)));
        long expected = checkEveryVoxel(v, 9, v.grid().indexToLps().apply(11, 10, 5), 5.05, -1, 0);
        assertEquals(expected, stroke.changedVoxelCount());
    }

    @Test
    void sphereAtACornerIsClippedToTheVolume() {
        // radius 1 mm at unit spacing from corner (0,0,0): itself and its three neighbours inside the grid.
        Volume v = Volume.allocate(grid(5, 5, 5, 1, 1, 1), VoxelType.UINT8);
        assertEquals(4, new EditSession(v).apply(new EditOperation.Paint(2, new Region.Sphere(new VoxelIndex(0, 0, 0), 1))).changedVoxelCount());
        // centred outside the grid, a sphere still paints the voxels it reaches: (0,2,2) is 1 mm from (-1,2,2).
        Volume w = Volume.allocate(grid(5, 5, 5, 1, 1, 1), VoxelType.UINT8);
        assertEquals(1, new EditSession(w).apply(new EditOperation.Paint(2, new Region.Sphere(new VoxelIndex(-1, 2, 2), 1.2))).changedVoxelCount());
        assertEquals(2, (int) w.getStored(0, 2, 2));
    }

    @Test
    void sphereOnAShearedGridUsesPatientDistances() {
        // A gantry-tilt-like shear: k moves 0.5 mm along y per slice.
        ImageGrid g = new ImageGrid(16, 16, 10, Affine.fromColumns(new Vec3(0.8, 0, 0), new Vec3(0, 0.8, 0),
                new Vec3(0, 0.5, 1.5), new Vec3(0, 0, 0)));
        Volume v = Volume.allocate(g, VoxelType.UINT8);
        Stroke stroke = new EditSession(v).apply(new EditOperation.Paint(3, new Region.Sphere(new VoxelIndex(8, 8, 5), 4.4)));
        assertEquals(checkEveryVoxel(v, 3, g.indexToLps().apply(8, 8, 5), 4.4, -1, 0), stroke.changedVoxelCount());
    }
}
