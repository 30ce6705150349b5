package dev.attest.app.edit;

import java.util.Objects;

/**
 * How the next edit is made.
 *
 * @param label        the label painted, filled, boxed or pointed (and, with eraseOnlyLabel, the one erased)
 * @param radiusMm     brush, sphere and eraser radius in patient millimetres
 * @param limited      whether painting and filling touch only voxels whose image value lies in [lo, hi]
 * @param lo           lower end of the intensity range (HU for CT), inclusive
 * @param hi           upper end, inclusive
 * @param eraseOnlyLabel whether the eraser clears only the chosen label rather than every label
 */
public record EditSettings(EditTool tool, int label, double radiusMm, boolean limited, double lo, double hi,
                           boolean eraseOnlyLabel) {
    public EditSettings {
        Objects.requireNonNull(tool, "tool");
        if (label < 1) {
            throw new IllegalArgumentException("choose a label to edit (values start at 1), got " + label);
        }
        if (!(radiusMm >= 0) || Double.isInfinite(radiusMm)) {
            throw new IllegalArgumentException("brush radius must be a finite number of mm >= 0, got " + radiusMm);
        }
        if (limited && !(lo <= hi)) {
            throw new IllegalArgumentException("intensity range [" + lo + ", " + hi + "] is empty");
        }
    }

    /** A brush of label with radius, no intensity limit. */
    public static EditSettings brush(int label, double radiusMm) {
        return new EditSettings(EditTool.BRUSH, label, radiusMm, false, 0, 0, false);
    }

    public EditSettings withTool(EditTool t) {
        return new EditSettings(t, label, radiusMm, limited, lo, hi, eraseOnlyLabel);
    }

    public EditSettings withLabel(int l) {
        return new EditSettings(tool, l, radiusMm, limited, lo, hi, eraseOnlyLabel);
    }

    public EditSettings withRadius(double mm) {
        return new EditSettings(tool, label, mm, limited, lo, hi, eraseOnlyLabel);
    }

    public EditSettings withLimit(boolean on, double low, double high) {
        return new EditSettings(tool, label, radiusMm, on, low, high, eraseOnlyLabel);
    }

    public EditSettings withEraseOnlyLabel(boolean only) {
        return new EditSettings(tool, label, radiusMm, limited, lo, hi, only);
    }
}
