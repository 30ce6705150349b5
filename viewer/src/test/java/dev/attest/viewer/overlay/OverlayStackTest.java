package dev.attest.viewer.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.viewer.render.ColorMap;
import dev.attest.viewer.render.LabelOverlay;
import dev.attest.viewer.render.LabelTable;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OverlayStackTest {

    /** 4 × 1 × 1 labels 0, 2, 7, 2: labels 2 and 7 present. */
    private static Volume labels() {
        Volume v = Volume.allocate(new ImageGrid(4, 1, 1, Affine.fromColumns(new Vec3(1, 0, 0), new Vec3(0, 1, 0),
                new Vec3(0, 0, 1), Vec3.ZERO)), VoxelType.UINT8);
        v.setStored(1, 0, 0, 2);
        v.setStored(2, 0, 0, 7);
        v.setStored(3, 0, 0, 2);
        return v;
    }

    @Test
    void legendListsVisibleEntriesBottomToTop() {
        OverlayStack stack = new OverlayStack();
        LabelLayer seg = LabelLayer.of("seg", labels(), new LabelTable().put(7, "tumour", 0xAA0000), 0.4,
                LabelOverlay.Mode.FILL);
        HeatMapLayer heat = HeatMapLayer.of("gradcam", labels(), ColorMap.hot(), 0, 1, 0.2, 0.5, "");
        BoxMarker box = BoxMarker.of("finding 1", Vec3.ZERO, new Vec3(1, 1, 1), 0x00FF00);
        stack.add(seg);
        stack.add(heat);
        stack.add(box);
        // Label 2 is present but unnamed: it gets the default name and palette colour (ITK-SNAP label 2, green).
        assertEquals(List.of(
                new LegendEntry(0x00FF00, "Label 2", LegendEntry.Kind.LABEL),
                new LegendEntry(0xAA0000, "tumour", LegendEntry.Kind.LABEL),
                new LegendEntry(0xFFFFFF, "gradcam", LegendEntry.Kind.CONTINUOUS),
                new LegendEntry(0x00FF00, "finding 1", LegendEntry.Kind.BOX)), stack.legend());
        stack.replace(seg, seg.withLabelVisible(2, false));
        stack.replace(heat, heat.withVisible(false));
        assertEquals(List.of(new LegendEntry(0xAA0000, "tumour", LegendEntry.Kind.LABEL),
                new LegendEntry(0x00FF00, "finding 1", LegendEntry.Kind.BOX)), stack.legend());
        assertEquals(3, stack.overlays().size());
        assertEquals(2, stack.visible().size());
    }

    @Test
    void everyChangeTellsTheListenersAndNoneAfterRemoval() {
        OverlayStack stack = new OverlayStack();
        AtomicInteger calls = new AtomicInteger();
        Runnable listener = calls::incrementAndGet;
        stack.addListener(listener);
        PointMarker p = PointMarker.of("p", Vec3.ZERO, 1);
        stack.add(p);
        stack.replace(p, p.withVisible(false));
        stack.remove(p.withVisible(false));
        stack.clear();                       // already empty: no change, no call
        assertEquals(3, calls.get());
        stack.removeListener(listener);
        stack.add(p);
        assertEquals(3, calls.get());
        assertThrows(IllegalArgumentException.class, () -> stack.replace(PointMarker.of("q", Vec3.ZERO, 1), p));
    }

    @Test
    void aLayerKeepsItsOwnCopyOfTheLabelTable() {
        LabelTable table = new LabelTable().put(2, "a", 0x010203);
        LabelLayer layer = LabelLayer.of("seg", labels(), table, 1, LabelOverlay.Mode.OUTLINE);
        table.setVisible(2, false);
        layer.table().setVisible(7, false);
        assertEquals(2, layer.legend().size(), "changing the caller's table or the returned copy changes nothing");
    }
}
