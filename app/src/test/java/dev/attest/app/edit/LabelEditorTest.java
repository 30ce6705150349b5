package dev.attest.app.edit;

import dev.attest.annotation.edit.Mark;
import dev.attest.annotation.edit.SlicePlane;
import dev.attest.annotation.edit.VoxelIndex;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.volume.Volume;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editor behind the GUI's label tools, on the CT phantom (2 mm pixels, 4 mm slices): every count is
 * checked against a brute-force scan of the voxels written here, independently of the edit package.
 */
class LabelEditorTest {
    private static final Vec3 AXIAL_NORMAL = new Vec3(0, 0, 1);
    private CtPhantom.Result phantom;
    private Volume original;

    @BeforeEach
    void phantom() {
        phantom = CtPhantom.generate(64, 64, 20, 2, 4, 0, 3);
        original = copy(phantom.labels());
    }

    private Vec3 centre(int i, int j, int k) {
        return phantom.labels().grid().indexToLps().apply(i, j, k);
    }

    /** Voxels of slice k within r mm of (i, j) (2 mm pixels) whose label is not already value. */
    private long discCount(Volume labels, int i, int j, int k, double r, int value, double lo, double hi) {
        long n = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                double d = Math.hypot((x - i) * 2.0, (y - j) * 2.0);
                double hu = phantom.ct().getPhysical(x, y, k);
                if (d <= r && labels.getStored(x, y, k) != value && hu >= lo && hu <= hi) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void aBrushDragIsOneUndoStepAndUndoRestoresEveryVoxel() {
        LabelEditor editor = new LabelEditor(phantom.labels(), phantom.ct(), EditSettings.brush(7, 6));
        long expectedFirst = discCount(phantom.labels(), 20, 30, 10, 6, 7, -1e9, 1e9);
        assertTrue(editor.press(centre(20, 30, 10), AXIAL_NORMAL));
        assertEquals(expectedFirst, editor.changedVoxelCount());
        // Drag to the right along row 30, and up a slice: the 2D brush keeps to slice 10.
        for (int i = 21; i <= 30; i++) {
            editor.drag(centre(i, 30, 11));
        }
        editor.release(centre(30, 30, 11));
        Volume edited = editor.labels();
        for (int i = 20; i <= 30; i++) {
            assertEquals(7, edited.getStored(i, 30, 10), "dab at " + i);
        }
        assertEquals(original.getStored(25, 30, 11), edited.getStored(25, 30, 11), "slice 11 untouched");
        assertSameVoxels(original, phantom.labels(), "the model's own map is never changed");
        assertTrue(editor.undo());
        assertSameVoxels(original, edited, "one undo takes back the whole drag");
        assertEquals(0, editor.changedVoxelCount());
        assertFalse(editor.canUndo());
        assertTrue(editor.redo());
        for (int i = 20; i <= 30; i++) {
            assertEquals(7, edited.getStored(i, 30, 10));
        }
    }

    @Test
    void theIntensityLimitPaintsOnlyVoxelsInTheRange() {
        EditSettings s = EditSettings.brush(9, 20).withLimit(true, 0, 100);
        LabelEditor editor = new LabelEditor(phantom.labels(), phantom.ct(), s);
        editor.press(centre(32, 32, 8), AXIAL_NORMAL);
        editor.release(centre(32, 32, 8));
        assertEquals(discCount(original, 32, 32, 8, 20, 9, 0, 100), editor.changedVoxelCount());
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                if (editor.labels().getStored(x, y, 8) == 9) {
                    double hu = phantom.ct().getPhysical(x, y, 8);
                    assertTrue(hu >= 0 && hu <= 100, "painted voxel at " + x + "," + y + " has " + hu + " HU");
                }
            }
        }
    }

    @Test
    void theSphereReachesNeighbouringSlicesAndTheEraserOnlyItsLabel() {
        LabelEditor editor = new LabelEditor(phantom.labels(), phantom.ct(), EditSettings.brush(5, 9).withTool(EditTool.SPHERE));
        editor.press(centre(32, 32, 10), AXIAL_NORMAL);
        editor.release(centre(32, 32, 10));
        long expected = 0;
        for (int k = 0; k < 20; k++) {
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    double d = Math.sqrt(Math.pow((x - 32) * 2.0, 2) + Math.pow((y - 32) * 2.0, 2) + Math.pow((k - 10) * 4.0, 2));
                    if (d <= 9 && original.getStored(x, y, k) != 5) {
                        expected++;
                    }
                }
            }
        }
        assertEquals(expected, editor.changedVoxelCount());
        assertEquals(5, editor.labels().getStored(32, 32, 12), "8 mm above: inside the 9 mm sphere");
        Volume beforeErase = copy(editor.labels());
        editor.setSettings(editor.settings().withTool(EditTool.ERASER).withRadius(30).withEraseOnlyLabel(true));
        editor.press(centre(32, 32, 10), AXIAL_NORMAL);
        editor.release(centre(32, 32, 10));
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                double d = Math.hypot((x - 32) * 2.0, (y - 32) * 2.0);
                double was = beforeErase.getStored(x, y, 10);
                double want = d <= 30 && was == 5 ? 0 : was;
                assertEquals(want, editor.labels().getStored(x, y, 10), "at " + x + "," + y + " (was " + was + ")");
            }
        }
    }

    @Test
    void fillBoxAndPointInTheViewsPlane() {
        LabelEditor editor = new LabelEditor(phantom.labels(), phantom.ct(), EditSettings.brush(11, 1).withTool(EditTool.FLOOD_FILL));
        int seedLabel = (int) original.getStored(32, 32, 10);
        // Coronal view: normal along patient y (posterior), the grid's j axis.
        Vec3 coronal = new Vec3(0, 1, 0);
        assertEquals(SlicePlane.CORONAL, editor.planeFacing(coronal));
        editor.press(centre(32, 32, 10), coronal);
        editor.release(centre(32, 32, 10));
        assertEquals(11, editor.labels().getStored(32, 32, 10));
        // Every filled voxel is on row j = 32 and held the seed's label.
        long filled = 0;
        for (int k = 0; k < 20; k++) {
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    if (editor.labels().getStored(x, y, k) == 11) {
                        assertEquals(32, y);
                        assertEquals(seedLabel, original.getStored(x, y, k));
                        filled++;
                    }
                }
            }
        }
        assertEquals(filled, editor.changedVoxelCount());

        editor.setSettings(editor.settings().withTool(EditTool.BOX).withLabel(3));
        editor.press(centre(10, 40, 5), AXIAL_NORMAL);
        editor.drag(centre(14, 30, 5));
        editor.release(centre(14, 30, 5));
        editor.setSettings(editor.settings().withTool(EditTool.POINT));
        editor.press(centre(1, 2, 3), AXIAL_NORMAL);
        editor.release(centre(1, 2, 3));
        assertEquals(2, editor.marks().size());
        Mark.Box box = (Mark.Box) editor.marks().get(0);
        assertEquals(new VoxelIndex(10, 30, 5), box.box().min());
        assertEquals(new VoxelIndex(14, 40, 5), box.box().max());
        assertEquals(centre(1, 2, 3), ((Mark.Point) editor.marks().get(1)).lps());
        assertTrue(editor.undo());
        assertEquals(1, editor.marks().size(), "undo removes the point");
    }

    private static void assertSameVoxels(Volume a, Volume b, String why) {
        for (int z = 0; z < a.grid().sizeZ(); z++) {
            assertArrayEquals((byte[]) a.sliceArray(z), (byte[]) b.sliceArray(z), why + " (slice " + z + ")");
        }
    }

    private static Volume copy(Volume v) {
        Volume c = Volume.allocate(v.grid(), v.type());
        for (int z = 0; z < v.grid().sizeZ(); z++) {
            System.arraycopy(v.sliceArray(z), 0, c.sliceArray(z), 0, java.lang.reflect.Array.getLength(v.sliceArray(z)));
        }
        return c;
    }
}
