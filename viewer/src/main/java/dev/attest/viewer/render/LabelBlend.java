package dev.attest.viewer.render;

import java.util.Arrays;

/**
 * A label overlay's colours ready for compositing: for each label drawn, the result of laying its
 * colour at the overlay's opacity over each of the 256 greys ({@link Argb#composite} precomputed),
 * so a repaint blends grey and label with one table read and no arithmetic. Labels are given
 * their tables the first time they are met (a segmentation uses a few of the possible values);
 * values outside 0..65535 are composited directly. One instance per view; not thread-safe.
 */
public final class LabelBlend {
    private static final int DENSE = 1 << 16;
    /** Slot of a label not yet met. */
    private static final int UNSEEN = -2;
    /** Slot of a label that is not drawn (background, hidden, or fully transparent). */
    private static final int HIDDEN = -1;

    private final LabelOverlay style;
    private final int alpha;
    /** Label value to its slot, grown as labels are met. */
    private int[] slots = new int[0];
    /** Slot to the label's colour with the overlay's alpha, as LabelOverlay draws it. */
    private int[] colours = new int[16];
    /** Slot * 256 + grey to the opaque composite of that colour over that grey. */
    private int[] overGrey = new int[16 * 256];
    private int used;
    /** Slots of labels outside 0..65535 (negative or very large values, rare in practice). */
    private final java.util.Map<Integer, Integer> sparse = new java.util.HashMap<>();

    public LabelBlend(LabelOverlay style) {
        this.style = style;
        this.alpha = (int) Math.round(255 * style.opacity());
    }

    public LabelOverlay style() {
        return style;
    }

    /** The overlay colour of a label (alpha in the top byte), 0 where it is not drawn: what {@link LabelOverlay#render} gives. */
    public int colour(int label) {
        int s = slot(label);
        return s < 0 ? 0 : colours[s];
    }

    /**
     * The one pass of a repaint: values through the grey table and, where a label is drawn, its
     * colour blended over that grey, written as opaque ARGB into {@code out}. Equal, pixel for
     * pixel, to compositing {@link LabelOverlay#render} over {@link GreyRenderer#render}.
     */
    public void renderOverGrey(float[] values, GreyLut grey, int[] labels, int width, int height, int[] out) {
        check(values.length, labels, width, height, out);
        boolean outline = style.mode() == LabelOverlay.Mode.OUTLINE;
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i++) {
                int g = grey.grey(values[i]);
                int label = labels[i];
                int s = label == 0 ? HIDDEN : slot(label);
                if (s < 0 || outline && !onBorder(labels, width, height, x, y, label)) {
                    out[i] = 0xFF000000 | g * 0x010101;
                } else {
                    out[i] = overGrey[s << 8 | g];
                }
            }
        }
    }

    /** Composites the overlay over opaque ARGB already in {@code argb} (any colours), in place. */
    public void renderOver(int[] argb, int[] labels, int width, int height) {
        check(argb.length, labels, width, height, argb);
        boolean outline = style.mode() == LabelOverlay.Mode.OUTLINE;
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i++) {
                int label = labels[i];
                int s = label == 0 ? HIDDEN : slot(label);
                if (s >= 0 && !(outline && !onBorder(labels, width, height, x, y, label))) {
                    argb[i] = Argb.composite(argb[i], colours[s]);
                }
            }
        }
    }

    private static void check(int n, int[] labels, int width, int height, int[] out) {
        if (width < 0 || height < 0 || (long) width * height != n || labels.length != n || out.length != n) {
            throw new IllegalArgumentException(n + " pixels, " + labels.length + " labels, " + out.length
                    + " outputs for " + width + " x " + height);
        }
    }

    private int slot(int label) {
        if (label >= 0 && label < slots.length) {
            int s = slots[label];
            if (s != UNSEEN) {
                return s;
            }
        }
        return meet(label);
    }

    /** Gives a label its slot and tables the first time it is met. */
    private int meet(int label) {
        if (label < 0 || label >= DENSE) {
            Integer known = sparse.get(label);
            if (known != null) {
                return known;
            }
        }
        int s;
        if (!style.table().isVisible(label) || alpha == 0) {
            s = HIDDEN;
        } else {
            if (used == colours.length) {
                colours = Arrays.copyOf(colours, used * 2);
                overGrey = Arrays.copyOf(overGrey, used * 2 * 256);
            }
            s = used++;
            int colour = alpha << 24 | style.table().get(label).rgb();
            colours[s] = colour;
            for (int g = 0; g < 256; g++) {
                overGrey[s << 8 | g] = Argb.composite(0xFF000000 | g * 0x010101, colour);
            }
        }
        if (label >= 0 && label < DENSE) {
            if (label >= slots.length) {
                int old = slots.length;
                slots = Arrays.copyOf(slots, Math.min(DENSE, Math.max(256, Integer.highestOneBit(label) * 2)));
                Arrays.fill(slots, old, slots.length, UNSEEN);
            }
            slots[label] = s;
        } else {
            sparse.put(label, s);
        }
        return s;
    }

    private static boolean onBorder(int[] labels, int width, int height, int x, int y, int label) {
        return x == 0 || labels[y * width + x - 1] != label
                || x == width - 1 || labels[y * width + x + 1] != label
                || y == 0 || labels[(y - 1) * width + x] != label
                || y == height - 1 || labels[(y + 1) * width + x] != label;
    }
}
