package dev.attest.app.export.objects;

import dev.attest.annotation.metrics.localisation.VoxelBox;
import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stored box geometry onto an image grid: corners, millimetres, clipping, and what is refused with which reason. */
class BoxGeometryTest {
    /** 10 × 8 × 6 voxels of 2 × 2 × 5 mm, origin (-10, -8, 0): voxel (i, j, k) is at (-10 + 2i, -8 + 2j, 5k). */
    private static final ImageGrid GRID = new ImageGrid(10, 8, 6,
            Affine.fromColumns(new Vec3(2, 0, 0), new Vec3(0, 2, 0), new Vec3(0, 0, 5), new Vec3(-10, -8, 0)));

    @Test
    void indexCornersAreIncludedAndBecomeAHalfOpenBox() throws Exception {
        BoxGeometry b = BoxGeometry.parse("{\"label\":3,\"min_index\":[1,2,0],\"max_index\":[4,2,5]}", GRID, "evidence 1");
        assertEquals(new VoxelBox(1, 2, 0, 5, 3, 6), b.box());
        assertEquals(OptionalInt.of(3), b.label());
        assertFalse(b.clipped());
    }

    @Test
    void millimetreCornersGoToTheNearestVoxelInEitherOrder() throws Exception {
        // (-6.9, -4.1, 9.9) is nearest voxel (2, 2, 2); (0.2, 2.9, 0.4) nearest (5, 5, 0).
        BoxGeometry b = BoxGeometry.parse("{\"min_lps_mm\":[0.2,2.9,9.9],\"max_lps_mm\":[-6.9,-4.1,0.4]}", GRID, "evidence 2");
        assertEquals(new VoxelBox(2, 2, 0, 6, 6, 3), b.box());
        assertEquals(OptionalInt.empty(), b.label());
    }

    @Test
    void indexCornersWinOverMillimetres() throws Exception {
        BoxGeometry b = BoxGeometry.parse("{\"min_lps_mm\":[-10,-8,0],\"max_lps_mm\":[8,6,25],\"min_index\":[3,3,3],\"max_index\":[3,3,3]}",
                GRID, "x");
        assertEquals(new VoxelBox(3, 3, 3, 4, 4, 4), b.box());
    }

    @Test
    void aBoxReachingOutOfTheImageIsClippedAndSaysSo() throws Exception {
        BoxGeometry b = BoxGeometry.parse("{\"min_index\":[-3,6,4],\"max_index\":[2,12,9]}", GRID, "x");
        assertEquals(new VoxelBox(0, 6, 4, 3, 8, 6), b.box());
        assertTrue(b.clipped());
    }

    @Test
    void whatCannotBePlacedIsRefusedWithItsReasonAndRecord() {
        record Bad(String json, SkipReason reason, String message) {
        }
        for (Bad bad : new Bad[] {
            new Bad("{\"min_index\":[0,0,10],\"max_index\":[1,1,12]}", SkipReason.BOX_OUTSIDE_IMAGE,
                    "corrected annotation 7: indices 10..12 on axis 2 miss the image's 0..5"),
            new Bad("{\"min_index\":[4,0,0],\"max_index\":[1,1,1]}", SkipReason.BAD_GEOMETRY,
                    "corrected annotation 7: min_index 4 is above max_index 1 on axis 0"),
            new Bad("{\"min_index\":[0,0],\"max_index\":[1,1,1]}", SkipReason.BAD_GEOMETRY,
                    "corrected annotation 7: min_index must be an array of 3 integers"),
            new Bad("{\"min_index\":[0,0.5,0],\"max_index\":[1,1,1]}", SkipReason.BAD_GEOMETRY,
                    "corrected annotation 7: min_index[1] is not an integer"),
            new Bad("{\"min_lps_mm\":[0,0,\"a\"],\"max_lps_mm\":[1,1,1]}", SkipReason.BAD_GEOMETRY,
                    "corrected annotation 7: min_lps_mm must be an array of 3 numbers"),
            new Bad("{\"min_index\":[0,0,0],\"max_index\":[1,1,1],\"label\":\"liver\"}", SkipReason.BAD_GEOMETRY,
                    "corrected annotation 7: label must be a positive integer label value"),
            new Bad("{\"point_lps_mm\":[0,0,0]}", SkipReason.BAD_GEOMETRY,
                    "corrected annotation 7: geometry has neither min_index/max_index nor min_lps_mm/max_lps_mm"),
            new Bad("[1,2]", SkipReason.BAD_GEOMETRY, "corrected annotation 7: geometry is not a JSON object"),
        }) {
            BoxGeometry.InvalidBoxException e = assertThrows(BoxGeometry.InvalidBoxException.class,
                    () -> BoxGeometry.parse(bad.json(), GRID, "corrected annotation 7"), bad.json());
            assertEquals(bad.reason(), e.reason(), bad.json());
            assertEquals(bad.message(), e.getMessage());
        }
        BoxGeometry.InvalidBoxException e = assertThrows(BoxGeometry.InvalidBoxException.class,
                () -> BoxGeometry.parse("{\"min_index\":[0,0,0", GRID, "evidence 9"));
        assertTrue(e.getMessage().startsWith("evidence 9: geometry is not JSON: "), e.getMessage());
    }
}
