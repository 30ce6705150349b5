package dev.attest.reports.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import org.junit.jupiter.api.Test;

import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VoxelMaskTest {
    /** Axial 2 x 2 x 5 mm voxels, stored RAS-like (x and y flipped in LPS). */
    private static final ImageGrid GRID = new ImageGrid(10, 8, 6,
            Affine.fromColumns(new Vec3(-2, 0, 0), new Vec3(0, -2, 0), new Vec3(0, 0, 5), new Vec3(100, 50, -20)));

    @Test
    void storesRunsInJsonAndReadsThemBack() throws Exception {
        VoxelMask mask = VoxelMask.ofUnsorted(GRID, new int[] {42, 7, 8, 9, 41, 9, 300});
        assertArrayEquals(new int[] {7, 8, 9, 41, 42, 300}, mask.indices());
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(mask);
        assertEquals("{\"size\":[10,8,6],\"indexToLps\":[-2.0,0.0,0.0,100.0,0.0,-2.0,0.0,50.0,0.0,0.0,5.0,-20.0,"
                + "0.0,0.0,0.0,1.0],\"runs\":[7,3,41,2,300,1]}", text);
        assertEquals(mask, json.readValue(text, VoxelMask.class));
    }

    @Test
    void boundsHoldWholeVoxelsInPatientMillimetres() {
        // Voxels (1, 2, 0) and (3, 2, 1): centres at x = 98 and 94, y = 46, z = -20 and -15.
        VoxelMask mask = VoxelMask.of(GRID, new int[] {1 + 10 * 2, 3 + 10 * (2 + 8)});
        assertEquals(new PatientBox(new Vec3(93, 45, -22.5), new Vec3(99, 47, -12.5)), mask.bounds());
        assertEquals(new Vec3(96, 46, -17.5), mask.centroidLps());
        assertEquals(2 * 0.02, mask.volumeMl(), 1e-15);
    }

    @Test
    void setOperationsKeepTheGrid() {
        VoxelMask a = VoxelMask.of(GRID, new int[] {1, 2, 3});
        VoxelMask b = VoxelMask.of(GRID, new int[] {3, 4});
        assertArrayEquals(new int[] {1, 2, 3, 4}, a.union(b).indices());
        assertArrayEquals(new int[] {3}, a.intersection(b).indices());
        BitSet bits = new BitSet();
        bits.set(2);
        bits.set(5);
        assertEquals(VoxelMask.of(GRID, new int[] {2, 5}), VoxelMask.fromBitSet(GRID, bits));
        ImageGrid other = new ImageGrid(10, 8, 6, Affine.identity());
        assertThrows(GridMismatchException.class, () -> a.union(VoxelMask.of(other, new int[] {1})));
    }

    @Test
    void refusesIndicesOutsideTheGridOrOutOfOrder() {
        assertEquals("voxel index 480 is outside a grid of 480 voxels",
                assertThrows(IllegalArgumentException.class, () -> VoxelMask.of(GRID, new int[] {480})).getMessage());
        assertEquals("voxel indices must ascend without repeats: 5 then 5",
                assertThrows(IllegalArgumentException.class, () -> VoxelMask.of(GRID, new int[] {5, 5})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> VoxelMask.fromJson(
                new VoxelMask.Json(new int[] {10, 8, 6}, new double[16], new int[] {1, 0})));
    }
}
