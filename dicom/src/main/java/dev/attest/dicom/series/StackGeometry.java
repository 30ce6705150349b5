package dev.attest.dicom.series;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The geometry of a stack of parallel frames: slices ordered along the plane normal, the slice
 * spacing, and what is irregular about it (gantry tilt, gaps, non-uniform spacing).
 *
 * <p>The grid keeps the true geometry: its third axis is the mean step from the first to the last
 * Image Position, so a gantry-tilted stack gets a sheared affine and every slice lands on its own
 * position. {@link RegularGridResampler} offers an orthogonal, evenly spaced alternative.
 *
 * @param frames      frames in slice order (increasing position along the normal)
 * @param grid        index → LPS grid of the stack as acquired
 * @param normal      unit normal of the image planes
 * @param positions   each slice's position along the normal, mm
 * @param spacing     median spacing along the normal, mm
 * @param tiltDegrees angle between the slice step and the normal (0 when untilted)
 * @param warnings    irregularities found
 */
public record StackGeometry(List<ImageFrame> frames, ImageGrid grid, Vec3 normal, double[] positions,
                            double spacing, double tiltDegrees, List<SeriesWarning> warnings) {

    /** Below this, position differences are scanner round-off, not geometry. */
    static final double TILT_TOLERANCE_DEGREES = 0.01;
    static final double SPACING_TOLERANCE_MM = 0.01;
    static final double SPACING_TOLERANCE_RELATIVE = 0.01;

    public boolean isRegular() {
        return warnings.stream().noneMatch(w -> w.kind() == SeriesWarning.Kind.GANTRY_TILT
                || w.kind() == SeriesWarning.Kind.NON_UNIFORM_SPACING || w.kind() == SeriesWarning.Kind.MISSING_SLICES);
    }

    /** Orders the frames (all parallel, same size) and measures their geometry. */
    public static StackGeometry of(List<ImageFrame> unordered) {
        if (unordered.isEmpty()) {
            throw new IllegalArgumentException("a stack needs at least one frame");
        }
        ImageFrame first0 = unordered.get(0);
        Vec3 normal = first0.normal();
        List<ImageFrame> frames = new ArrayList<>(unordered);
        frames.sort(Comparator.comparingDouble((ImageFrame f) -> f.distanceAlongNormal(normal))
                .thenComparingLong(ImageFrame::order));
        int n = frames.size();
        double[] positions = new double[n];
        for (int i = 0; i < n; i++) {
            positions[i] = frames.get(i).distanceAlongNormal(normal);
        }
        List<SeriesWarning> warnings = new ArrayList<>();
        ImageFrame first = frames.get(0);
        ImageFrame last = frames.get(n - 1);
        if (!first.hasGeometry()) {
            warnings.add(new SeriesWarning(SeriesWarning.Kind.NO_GEOMETRY,
                    "no Image Position/Orientation (Patient): placed at the origin with identity orientation"));
        }
        double spacing;
        Vec3 step;
        double tilt = 0;
        if (n == 1) {
            double thickness = first.file().dataset().getDouble(dev.attest.dicom.Tag.SpacingBetweenSlices,
                    first.file().dataset().getDouble(dev.attest.dicom.Tag.SliceThickness, 1));
            spacing = thickness > 0 ? thickness : 1;
            step = normal.scale(spacing);
            warnings.add(new SeriesWarning(SeriesWarning.Kind.SINGLE_SLICE,
                    "single slice: slice spacing taken from Slice Thickness / Spacing Between Slices (" + spacing + " mm)"));
        } else {
            double[] gaps = new double[n - 1];
            for (int i = 0; i < n - 1; i++) {
                gaps[i] = positions[i + 1] - positions[i];
            }
            spacing = median(gaps);
            describeSpacing(gaps, spacing, warnings);
            Vec3 span = last.position().sub(first.position());
            double along = span.dot(normal);
            Vec3 across = span.sub(normal.scale(along));
            tilt = Math.toDegrees(Math.atan2(across.norm(), Math.abs(along)));
            if (tilt > TILT_TOLERANCE_DEGREES) {
                warnings.add(new SeriesWarning(SeriesWarning.Kind.GANTRY_TILT, String.format(
                        "gantry tilt of %.2f degrees: the slices are sheared, not stacked square", tilt)));
            } else {
                tilt = 0;
            }
            step = span.scale(1.0 / (n - 1));
        }
        Affine affine = Affine.fromColumns(first.rowDirection().scale(first.columnSpacing()),
                first.columnDirection().scale(first.rowSpacing()), step, first.position());
        ImageGrid grid = new ImageGrid(first.columns(), first.rows(), n, affine);
        return new StackGeometry(List.copyOf(frames), grid, normal, positions, spacing, tilt, List.copyOf(warnings));
    }

    private static void describeSpacing(double[] gaps, double spacing, List<SeriesWarning> warnings) {
        double tolerance = Math.max(SPACING_TOLERANCE_MM, SPACING_TOLERANCE_RELATIVE * spacing);
        int missing = 0;
        boolean irregular = false;
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double g : gaps) {
            min = Math.min(min, g);
            max = Math.max(max, g);
            if (Math.abs(g - spacing) <= tolerance) {
                continue;
            }
            long multiple = Math.round(g / spacing);
            if (multiple >= 2 && Math.abs(g - multiple * spacing) <= tolerance * multiple) {
                missing += (int) (multiple - 1);
            } else {
                irregular = true;
            }
        }
        if (missing > 0) {
            warnings.add(new SeriesWarning(SeriesWarning.Kind.MISSING_SLICES, String.format(
                    "%d slice(s) missing: gaps of up to %.3f mm in a %.3f mm series", missing, max, spacing)));
        }
        if (irregular) {
            warnings.add(new SeriesWarning(SeriesWarning.Kind.NON_UNIFORM_SPACING, String.format(
                    "non-uniform slice spacing: %.3f to %.3f mm (median %.3f mm)", min, max, spacing)));
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
