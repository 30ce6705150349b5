package dev.attest.annotation.edit;

import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Undo and redo restore exact arrays; the history stays under its byte cap and stops cleanly where it forgot. */
class EditSessionTest {

    private static short[][] snapshot(Volume v) {
        short[][] out = new short[v.grid().sizeZ()][];
        for (int z = 0; z < out.length; z++) {
            out[z] = ((short[]) v.sliceArray(z)).clone();
        }
        return out;
    }

    private static long differing(short[][] a, short[][] b) {
        long n = 0;
        for (int z = 0; z < a.length; z++) {
            for (int i = 0; i < a[z].length; i++) {
                n += a[z][i] != b[z][i] ? 1 : 0;
            }
        }
        return n;
    }

    private static EditOperation randomOperation(SplittableRandom r, Volume v) {
        VoxelIndex c = new VoxelIndex(r.nextInt(-2, 32), r.nextInt(-2, 27), r.nextInt(-1, 11));
        int label = r.nextInt(1, 65536);
        return switch (r.nextInt(5)) {
            case 0 -> new EditOperation.Paint(label, new Region.Sphere(c, r.nextDouble(0.5, 6)));
            case 1 -> new EditOperation.Paint(label, new Region.Disc(SlicePlane.values()[r.nextInt(3)], c, r.nextDouble(0.5, 8)));
            case 2 -> EditOperation.Erase.all(new Region.Sphere(c, r.nextDouble(1, 5)));
            case 3 -> new EditOperation.Paint(label, new Region.Box(IndexBox.spanning(c, new VoxelIndex(c.i() + 4, c.j() + 3, c.k() + 2))));
            default -> new EditOperation.FloodFill(label, SlicePlane.values()[r.nextInt(3)],
                    new VoxelIndex(r.nextInt(30), r.nextInt(25), r.nextInt(10)));
        };
    }

    @Test
    void undoingEveryStrokeRestoresTheOriginalArrayAndRedoingRestoresTheEditedOne() {
        Volume v = Volume.allocate(BrushGeometryTest.grid(30, 25, 10, 0.8, 0.8, 2.5), VoxelType.UINT16);
        SplittableRandom r = new SplittableRandom(42);
        for (int z = 0; z < 10; z++) {
            short[] s = (short[]) v.sliceArray(z);
            for (int i = 0; i < s.length; i++) {
                s[i] = (short) (r.nextInt(4) == 0 ? r.nextInt(1, 4) : 0);
            }
        }
        short[][] original = snapshot(v);
        EditSession session = new EditSession(v);
        List<short[][]> states = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            session.apply(randomOperation(r, v));
            states.add(snapshot(v));
            assertEquals(differing(original, states.get(n)), session.changedVoxelCount());
        }
        for (int n = 39; n >= 0; n--) {
            assertArrayEquals(states.get(n), snapshot(v), "state after stroke " + n);
            assertTrue(session.undo().isPresent());
        }
        assertArrayEquals(original, snapshot(v));
        assertEquals(0, session.changedVoxelCount());
        assertFalse(session.canUndo());
        assertTrue(session.undo().isEmpty());
        for (int n = 0; n < 40; n++) {
            assertTrue(session.redo().isPresent());
            assertArrayEquals(states.get(n), snapshot(v), "state after redoing stroke " + n);
        }
        assertFalse(session.canRedo());
        assertEquals(40, session.operations().size());
    }

    @Test
    void aNewEditClearsRedo() {
        Volume v = ToolsTest.map("0000", "0000");
        EditSession s = new EditSession(v);
        EditOperation first = new EditOperation.Paint(1, new Region.Box(IndexBox.rectangle(SlicePlane.AXIAL, 0, 0, 0, 1, 0)));
        EditOperation second = new EditOperation.Paint(2, new Region.Box(IndexBox.rectangle(SlicePlane.AXIAL, 0, 2, 1, 3, 1)));
        EditOperation third = new EditOperation.Paint(3, new Region.Box(IndexBox.rectangle(SlicePlane.AXIAL, 0, 0, 1, 0, 1)));
        s.apply(first);
        s.apply(second);
        s.undo();
        assertTrue(s.canRedo());
        s.apply(third);
        assertFalse(s.canRedo());
        assertTrue(s.redo().isEmpty());
        assertArrayEquals(new String[] {"1100", "3000"}, ToolsTest.rows(v));
        assertEquals(List.of(first, third), s.operations());
        assertEquals(3, s.changedVoxelCount());
    }

    @Test
    void historyStaysUnderItsCapAndUndoStopsAtTheOldestStrokeKept() {
        // Each stroke paints a fresh 10-voxel row: 64 + 10 × 6 = 124 bytes; a 400-byte cap keeps three.
        Volume v = Volume.allocate(BrushGeometryTest.grid(10, 6, 1, 1, 1, 1), VoxelType.UINT8);
        EditSession s = new EditSession(v, 400);
        for (int row = 0; row < 6; row++) {
            Stroke stroke = s.apply(new EditOperation.Paint(row + 1, new Region.Box(IndexBox.rectangle(SlicePlane.AXIAL, 0, 0, row, 9, row))));
            assertEquals(124, stroke.bytes());
            assertTrue(s.historyBytes() <= 400, "history holds " + s.historyBytes() + " bytes");
        }
        assertEquals(3, s.droppedSteps());
        assertEquals(372, s.historyBytes());
        assertEquals(3, s.undoDepth());
        for (int n = 0; n < 3; n++) {
            assertTrue(s.undo().isPresent());
        }
        assertFalse(s.canUndo());
        assertTrue(s.undo().isEmpty());
        // Rows 0-2 were painted by strokes the history forgot: they stay; rows 3-5 are undone.
        assertArrayEquals(new String[] {"1111111111", "2222222222", "3333333333", "0000000000", "0000000000", "0000000000"},
                ToolsTest.rows(v));
        assertEquals(30, s.changedVoxelCount());
        assertEquals(3, s.operations().size());
        assertEquals(372, s.historyBytes());
        s.apply(new EditOperation.Paint(9, new Region.Box(IndexBox.rectangle(SlicePlane.AXIAL, 0, 0, 5, 0, 5))));
        assertEquals(70, s.historyBytes());
        assertEquals(0, s.redoDepth());
    }

    @Test
    void aStrokeLargerThanTheCapIsAppliedButCannotBeUndone() {
        Volume v = Volume.allocate(BrushGeometryTest.grid(10, 6, 1, 1, 1, 1), VoxelType.UINT8);
        EditSession s = new EditSession(v, 100);
        Stroke big = s.apply(new EditOperation.Paint(1, new Region.Box(IndexBox.rectangle(SlicePlane.AXIAL, 0, 0, 0, 9, 5))));
        assertEquals(60, big.changedVoxelCount());
        assertEquals(60, s.changedVoxelCount());
        assertFalse(s.canUndo());
        assertEquals(0, s.historyBytes());
        assertEquals(1, s.droppedSteps());
    }
}
