package dev.attest.reports.evidence;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Edge-to-edge diameters on shapes whose answer is known, and on random blobs against a brute-force search. */
class MaskExtentTest {
    private static final ImageGrid GRID = new ImageGrid(40, 30, 20,
            Affine.fromColumns(new Vec3(0.8, 0, 0), new Vec3(0, 0.8, 0), new Vec3(0, 0, 3), new Vec3(-10, 5, 7)));

    private static int index(ImageGrid g, int x, int y, int z) {
        return x + g.sizeX() * (y + g.sizeY() * z);
    }

    @Test
    void aSingleVoxelMeasuresOneVoxel() {
        MaskExtent e = MaskExtent.of(VoxelMask.of(GRID, new int[] {index(GRID, 3, 4, 5)}));
        assertEquals(0.8, e.longestAxialMm(), 1e-12);
        assertEquals(3.0, e.maxExtentMm(), 1e-12);
        assertEquals(2, e.axialAxis());
    }

    @Test
    void aRowOfVoxelsMeasuresItsLengthEdgeToEdge() {
        int[] row = IntStream.range(5, 15).map(x -> index(GRID, x, 7, 2)).toArray();
        MaskExtent e = MaskExtent.of(VoxelMask.of(GRID, row));
        assertEquals(10 * 0.8, e.longestAxialMm(), 1e-12);
        // The longest 3D extent of a row lying in one slice is the row itself, plus the largest voxel edge.
        assertEquals(9 * 0.8 + 3, e.maxExtentMm(), 1e-12);
    }

    @Test
    void aColumnAcrossSlicesIsLongIn3dButOneVoxelAcross() {
        int[] column = IntStream.range(2, 9).map(z -> index(GRID, 10, 10, z)).toArray();
        MaskExtent e = MaskExtent.of(VoxelMask.of(GRID, column));
        assertEquals(0.8, e.longestAxialMm(), 1e-12);
        assertEquals(6 * 3 + 3, e.maxExtentMm(), 1e-12);
    }

    @Test
    void slicesAreThoseOfTheAxisClosestToPatientZ() {
        // LIA-like grid: index j runs inferior, so axial slices are j = const.
        ImageGrid lia = new ImageGrid(10, 10, 10, Affine.fromColumns(new Vec3(1, 0, 0), new Vec3(0, 0, -1),
                new Vec3(0, -2, 0), Vec3.ZERO));
        assertEquals(1, MaskExtent.axialAxis(lia));
        int[] inSlice = {index(lia, 1, 4, 1), index(lia, 1, 4, 6)};
        assertEquals(5 * 2 + 2, MaskExtent.of(VoxelMask.of(lia, inSlice)).longestAxialMm(), 1e-12);
    }

    @Test
    void hullSearchMatchesEveryPairOnRandomBlobs() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 25; trial++) {
            List<Integer> voxels = new ArrayList<>();
            for (int z = 0; z < GRID.sizeZ(); z++) {
                for (int y = 0; y < GRID.sizeY(); y++) {
                    for (int x = 0; x < GRID.sizeX(); x++) {
                        if (random.nextDouble() < 0.01) {
                            voxels.add(index(GRID, x, y, z));
                        }
                    }
                }
            }
            VoxelMask mask = VoxelMask.of(GRID, voxels.stream().mapToInt(Integer::intValue).toArray());
            double axial = 0;
            double any = 0;
            for (int a : mask.indices()) {
                for (int b : mask.indices()) {
                    double d = mask.lps(a).distance(mask.lps(b));
                    any = Math.max(any, d);
                    if (a / (GRID.sizeX() * GRID.sizeY()) == b / (GRID.sizeX() * GRID.sizeY())) {
                        axial = Math.max(axial, d);
                    }
                }
            }
            MaskExtent e = MaskExtent.of(mask);
            assertEquals(axial + 0.8, e.longestAxialMm(), 1e-9);
            assertEquals(any + 3, e.maxExtentMm(), 1e-9);
        }
    }
}
