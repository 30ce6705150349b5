package dev.attest.viewer.render;

import java.util.Map;
import java.util.TreeMap;

/**
 * Colour, name and visibility for each integer label of a segmentation; label 0 is background
 * and never drawn. Unnamed labels get a default colour from a fixed palette so they stay distinct.
 */
public final class LabelTable {

    /** One label's appearance; {@code rgb} is 0xRRGGBB. */
    public record Entry(String name, int rgb, boolean visible) {
    }

    /**
     * Twelve well-separated colours, ITK-SNAP's defaults for labels 1 to 12, so a segmentation
     * made there looks the same here.
     */
    static final int[] PALETTE = {
        0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0x00FFFF, 0xFF00FF,
        0xFFEFD5, 0x0000CD, 0xCD853F, 0xD2B48C, 0x66CDAA, 0x000080,
    };

    private final Map<Integer, Entry> entries = new TreeMap<>();

    /** The default appearance for a label: palette colour by (label - 1) modulo its size. */
    public static Entry defaultEntry(int label) {
        int rgb = PALETTE[Math.floorMod(label - 1, PALETTE.length)];
        return new Entry("Label " + label, rgb, true);
    }

    /** A new table with the same entries, so a copy can change without touching this one. */
    public LabelTable copy() {
        LabelTable t = new LabelTable();
        t.entries.putAll(entries);
        return t;
    }

    /** The labels given an entry here (by {@link #put} or {@link #setVisible}), ascending. */
    public java.util.SortedSet<Integer> labels() {
        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(entries.keySet()));
    }

    public Entry get(int label) {
        return entries.getOrDefault(label, defaultEntry(label));
    }

    public LabelTable put(int label, String name, int rgb) {
        Entry old = get(label);
        entries.put(label, new Entry(name, rgb & 0xFFFFFF, old.visible()));
        return this;
    }

    public LabelTable setVisible(int label, boolean visible) {
        Entry old = get(label);
        entries.put(label, new Entry(old.name(), old.rgb(), visible));
        return this;
    }

    /** Whether the label is drawn: background (0) never is. */
    public boolean isVisible(int label) {
        return label != 0 && get(label).visible();
    }
}
