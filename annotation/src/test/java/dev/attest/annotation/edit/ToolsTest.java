package dev.attest.annotation.edit;

import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Rescale;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Eraser, intensity-limited brush, flood fill, box, point and input checks on small hand-drawn maps. */
class ToolsTest {

    /** Builds a one-slice UINT8 map from rows of digits, row 0 first. */
    static Volume map(String... rows) {
        Volume v = Volume.allocate(BrushGeometryTest.grid(rows[0].length(), rows.length, 1, 1, 1, 1), VoxelType.UINT8);
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length(); x++) {
                v.setStored(x, y, 0, rows[y].charAt(x) - '0');
            }
        }
        return v;
    }

    static String[] rows(Volume v) {
        String[] out = new String[v.grid().sizeY()];
        for (int y = 0; y < out.length; y++) {
            StringBuilder sb = new StringBuilder();
            for (int x = 0; x < v.grid().sizeX(); x++) {
                sb.append((int) v.getStored(x, y, 0));
            }
            out[y] = sb.toString();
        }
        return out;
    }

    private static Region.Box whole(Volume v) {
        return new Region.Box(IndexBox.spanning(new VoxelIndex(0, 0, 0),
                new VoxelIndex(v.grid().sizeX() - 1, v.grid().sizeY() - 1, v.grid().sizeZ() - 1)));
    }

    @Test
    void eraserClearsEveryLabelOrOnlyTheGivenOne() {
        Volume a = map("1120", "2210", "0033");
        Stroke only = new EditSession(a).apply(EditOperation.Erase.only(2, new Region.Box(IndexBox.rectangle(SlicePlane.AXIAL, 0, 0, 0, 2, 1))));
        assertEquals(3, only.changedVoxelCount());
        assertArrayEquals(new String[] {"1100", "0010", "0033"}, rows(a));

        Volume b = map("1120", "2210", "0033");
        Stroke all = new EditSession(b).apply(EditOperation.Erase.all(new Region.Box(IndexBox.rectangle(SlicePlane.AXIAL, 0, 1, 1, 3, 2))));
        assertEquals(4, all.changedVoxelCount());
        assertEquals(0, all.valueAfter());
        assertArrayEquals(new String[] {"1120", "2000", "0000"}, rows(b));
    }

    @Test
    void brushLimitedToAnHuRangePaintsOnlyVoxelsInsideIt() {
        Volume labels = map("00000", "00000", "00000");
        Volume ct = Volume.allocate(labels.grid(), VoxelType.INT16);
        ct.setRescale(new Rescale(1, -1024));
        int[][] hu = {{-1000, 40, 60, 80, 200}, {39, 40, 100, 101, 55}, {-5, 70, 70, 70, 70}};
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 5; x++) {
                ct.setStored(x, y, 0, hu[y][x] + 1024);
            }
        }
        IntensityRange soft = new IntensityRange(ct, 40, 100);
        Stroke s = new EditSession(labels).apply(new EditOperation.Paint(5, whole(labels), soft));
        assertEquals(10, s.changedVoxelCount());
        assertArrayEquals(new String[] {"05550", "05505", "05555"}, rows(labels));
    }

    @Test
    void floodFillIsFourConnectedAndStopsAtOtherLabels() {
        // The 0-region around the seed is closed by 2s; the diagonal gap at (3,1)/(4,2) does not leak with 4-connectivity.
        Volume v = map(
                "00020",
                "00202",
                "22020",
                "00200");
        Stroke s = new EditSession(v).apply(new EditOperation.FloodFill(7, SlicePlane.AXIAL, new VoxelIndex(0, 0, 0)));
        assertEquals(5, s.changedVoxelCount());
        assertArrayEquals(new String[] {"77720", "77202", "22020", "00200"}, rows(v));
    }

    @Test
    void floodFillCanAlsoBeLimitedByIntensity() {
        Volume v = map("1111", "1111");
        Volume ct = Volume.allocate(v.grid(), VoxelType.INT16);
        int[][] hu = {{10, 10, 90, 10}, {10, 90, 10, 10}};
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                ct.setStored(x, y, 0, hu[y][x]);
            }
        }
        Stroke s = new EditSession(v).apply(new EditOperation.FloodFill(3, SlicePlane.AXIAL, new VoxelIndex(0, 0, 0),
                new IntensityRange(ct, 0, 50)));
        // (3,0), (2,1) and (3,1) also hold 1 and 10 HU, but the 90 HU voxels cut them off.
        assertEquals(3, s.changedVoxelCount());
        assertArrayEquals(new String[] {"3311", "3111"}, rows(v));
    }

    @Test
    void floodFillInACoronalPlaneStaysInItsRow() {
        Volume v = Volume.allocate(BrushGeometryTest.grid(4, 3, 5, 1, 1, 1), VoxelType.UINT8);
        Stroke s = new EditSession(v).apply(new EditOperation.FloodFill(1, SlicePlane.CORONAL, new VoxelIndex(2, 1, 2)));
        assertEquals(20, s.changedVoxelCount());
        for (int z = 0; z < 5; z++) {
            for (int x = 0; x < 4; x++) {
                assertEquals(0, (int) v.getStored(x, 0, z));
                assertEquals(1, (int) v.getStored(x, 1, z));
                assertEquals(0, (int) v.getStored(x, 2, z));
            }
        }
    }

    @Test
    void boxFillIsClippedAtTheEdgesOfTheVolume() {
        Volume v = Volume.allocate(BrushGeometryTest.grid(6, 5, 4, 1, 1, 1), VoxelType.UINT16);
        Stroke s = new EditSession(v).apply(new EditOperation.Paint(1000,
                new Region.Box(IndexBox.spanning(new VoxelIndex(4, -3, 2), new VoxelIndex(9, 1, 3)))));
        // i 4..5, j 0..1, k 2..3.
        assertEquals(8, s.changedVoxelCount());
        assertEquals(1000, (int) v.getStored(5, 1, 3));
        assertEquals(0, (int) v.getStored(3, 1, 3));
    }

    @Test
    void pointAndBoxToolsRecordMarksWithoutTouchingVoxels() {
        Volume v = Volume.allocate(BrushGeometryTest.grid(6, 5, 4, 0.5, 1, 2), VoxelType.UINT8);
        EditSession s = new EditSession(v);
        Stroke p = s.apply(new EditOperation.PlacePoint(3, new Vec3(1, 2, 3)));
        Stroke b = s.apply(new EditOperation.PlaceBox(4, IndexBox.spanning(new VoxelIndex(1, 1, 1), new VoxelIndex(3, 2, 2))));
        assertEquals(0, p.changedVoxelCount() + b.changedVoxelCount());
        assertEquals(0, s.changedVoxelCount());
        // origin (-12.5, 30, 7), spacing (0.5, 1, 2): voxel (3,2,2) is at (-11, 32, 11).
        assertEquals(List.of(new Mark.Point(3, new Vec3(1, 2, 3)), new Mark.Box(4,
                IndexBox.spanning(new VoxelIndex(1, 1, 1), new VoxelIndex(3, 2, 2)), new Vec3(-12, 31, 9), new Vec3(-11, 32, 11))), s.marks());
        s.undo();
        assertEquals(List.of(new Mark.Point(3, new Vec3(1, 2, 3))), s.marks());
        s.redo();
        assertEquals(2, s.marks().size());
    }

    @Test
    void refusesVolumesAndLabelsItCannotEdit() {
        Volume floats = Volume.allocate(BrushGeometryTest.grid(2, 2, 1, 1, 1, 1), VoxelType.FLOAT32);
        floats.setName("probabilities");
        var e = assertThrows(UnsupportedLabelMapException.class, () -> new EditSession(floats));
        assertEquals("cannot edit 'probabilities' as a label map: voxel type is FLOAT32, not UINT8 or UINT16", e.getMessage());

        Volume bytes = map("00", "00");
        EditSession s = new EditSession(bytes);
        var big = assertThrows(IllegalArgumentException.class, () -> s.apply(new EditOperation.Paint(256, whole(bytes))));
        assertTrue(big.getMessage().startsWith("label 256 does not fit the UINT8 label map"), big.getMessage());

        Volume otherGrid = Volume.allocate(BrushGeometryTest.grid(2, 2, 1, 1.5, 1, 1), VoxelType.INT16);
        assertThrows(GridMismatchException.class,
                () -> s.apply(new EditOperation.Paint(1, whole(bytes), new IntensityRange(otherGrid, 0, 1))));
        assertThrows(IndexOutOfBoundsException.class,
                () -> s.apply(new EditOperation.FloodFill(1, SlicePlane.AXIAL, new VoxelIndex(2, 0, 0))));
        assertArrayEquals(new String[] {"00", "00"}, rows(bytes));
        assertEquals(false, s.canUndo());
    }
}
