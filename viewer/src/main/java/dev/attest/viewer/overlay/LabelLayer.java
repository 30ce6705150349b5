package dev.attest.viewer.overlay;

import dev.attest.core.labels.LabelValues;
import dev.attest.core.volume.Volume;
import dev.attest.viewer.render.LabelOverlay;
import dev.attest.viewer.render.LabelTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A label map on any grid in the patient's space with the names, colours and visibility of its
 * labels, drawn filled or as outlines at an opacity. Sampled nearest-voxel on each view's pixels,
 * since label values must never be blended.
 */
public record LabelLayer(String name, Volume labels, LabelTable table, double opacity, LabelOverlay.Mode mode,
        boolean visible) implements Overlay {

    public LabelLayer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(mode, "mode");
        // Copied so that changing the caller's table cannot change what is drawn behind the stack's back.
        table = Objects.requireNonNull(table, "table").copy();
        new LabelOverlay(table, opacity, mode);
    }

    /**
     * A visible layer whose table has an entry for every label present in the map (the given
     * entries kept, the others defaulted), so the legend lists them all. Reads every voxel once.
     */
    public static LabelLayer of(String name, Volume labels, LabelTable table, double opacity, LabelOverlay.Mode mode) {
        LabelTable full = table.copy();
        for (int label : LabelValues.present(labels)) {
            if (!full.labels().contains(label)) {
                LabelTable.Entry e = full.get(label);
                full.put(label, e.name(), e.rgb());
            }
        }
        return new LabelLayer(name, labels, full, opacity, mode, true);
    }

    /** A copy of the table (the layer keeps its own). */
    @Override
    public LabelTable table() {
        return table.copy();
    }

    /** How a slice of labels is turned into pixels. */
    public LabelOverlay style() {
        return new LabelOverlay(table, opacity, mode);
    }

    public LabelLayer withLabelVisible(int label, boolean shown) {
        return new LabelLayer(name, labels, table.copy().setVisible(label, shown), opacity, mode, visible);
    }

    public LabelLayer withOpacity(double newOpacity) {
        return new LabelLayer(name, labels, table, newOpacity, mode, visible);
    }

    public LabelLayer withMode(LabelOverlay.Mode newMode) {
        return new LabelLayer(name, labels, table, opacity, newMode, visible);
    }

    @Override
    public LabelLayer withVisible(boolean shown) {
        return new LabelLayer(name, labels, table, opacity, mode, shown);
    }

    /** The visible labels of the table, ascending. */
    @Override
    public List<LegendEntry> legend() {
        List<LegendEntry> out = new ArrayList<>();
        for (int label : table.labels()) {
            if (table.isVisible(label)) {
                LabelTable.Entry e = table.get(label);
                out.add(new LegendEntry(e.rgb(), e.name(), LegendEntry.Kind.LABEL));
            }
        }
        return out;
    }
}
