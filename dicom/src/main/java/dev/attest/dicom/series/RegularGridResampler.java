package dev.attest.dicom.series;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Resamples a gantry-tilted, unevenly spaced or gappy stack onto an orthogonal, evenly spaced grid,
 * for readers that cannot take the true (sheared or irregular) geometry that {@link StackGeometry}
 * keeps by default.
 *
 * <p><b>Grid.</b> Axes are the first frame's row direction (i), column direction (j) and the slice
 * normal (k), orthonormal; in-plane spacings are the first frame's, the slice spacing is the stack's
 * median spacing along the normal, and slice k lies at {@code positions[0] + k·spacing}, for
 * {@code round((positions[last] − positions[0]) / spacing) + 1} slices. In-plane, the grid stays on
 * the first slice's voxel lattice and is enlarged by whole voxels until it holds the centre of every
 * input voxel (each slice's corners projected along the normal): a tilted stack grows along the
 * direction in which its slices are shifted. For the 54-slice, 18.5° Philips test series that is
 * 88 rows, 512×600×54, the same voxel centres as dcm2niix's {@code _Tilt_1} output (whose j axis
 * runs the other way).
 *
 * <p><b>Values.</b> For each output voxel centre the two input slices bracketing it along the normal
 * are found from their true positions (so gaps and uneven spacing are handled); each is sampled
 * bilinearly at the point's in-plane coordinates in that slice's own frame, and the two samples are
 * interpolated linearly along the normal. A point within a millionth of a slice gap of an input slice
 * takes that slice alone, so an untilted, evenly spaced stack comes back unchanged. A slice covers its
 * voxels' footprint, half a voxel beyond the outer centres (edge values repeat there); outside it, and
 * beyond half a slice spacing past the end slices, the sample is the volume's minimum value (air for
 * CT). Integer types are rounded and clamped and keep a uniform rescale; a rescale that varies by
 * slice gives FLOAT32 physical values. Output slices are computed in parallel.
 */
public final class RegularGridResampler {

    /** Interpolation weights below this (a millionth of a slice gap) are round-off, not geometry. */
    private static final double SNAP = 1e-6;
    /** Tolerance, in voxels, when rounding the in-plane extent outward to whole voxels. */
    private static final double EXTENT_TOLERANCE = 1e-3;

    private RegularGridResampler() {
    }

    /**
     * Returns volume (decoded on stack's grid) resampled onto {@link #targetGrid(StackGeometry)}, or
     * volume itself, unchanged, when the stack is regular: its grid is already orthogonal and evenly
     * spaced, so resampling would only copy it.
     *
     * @throws IllegalArgumentException if volume's size is not the stack's
     */
    public static Volume resample(StackGeometry stack, Volume volume) {
        return stack.isRegular() ? volume : resampleAlways(stack, volume);
    }

    /** Resamples even a regular stack; package-private so tests can check that it is then an identity. */
    static Volume resampleAlways(StackGeometry stack, Volume volume) {
        ImageGrid in = volume.grid();
        int n = stack.frames().size();
        if (in.sizeZ() != n || in.sizeX() != stack.grid().sizeX() || in.sizeY() != stack.grid().sizeY()) {
            throw new IllegalArgumentException("volume " + in.sizeX() + "x" + in.sizeY() + "x" + in.sizeZ()
                    + " was not built on this stack (" + stack.grid().sizeX() + "x" + stack.grid().sizeY() + "x" + n + ")");
        }
        ImageGrid grid = targetGrid(stack);
        boolean uniform = volume.hasUniformRescale();
        VoxelType type = uniform ? volume.type() : VoxelType.FLOAT32;
        Volume out = Volume.allocate(grid, type);
        out.setName(volume.name());
        out.properties().putAll(volume.properties());
        if (uniform) {
            out.setRescale(volume.rescale());
        }
        double fill = minimum(volume, uniform);
        IntStream.range(0, grid.sizeZ()).parallel()
                .forEach(k -> resampleSlice(stack, volume, uniform, grid, k, fill, out.sliceArray(k)));
        out.properties().put("resampled", reason(stack, grid));
        return out;
    }

    /** The orthogonal, evenly spaced grid that {@link #resample} puts the stack on (rule in the class comment). */
    public static ImageGrid targetGrid(StackGeometry stack) {
        List<ImageFrame> frames = stack.frames();
        ImageFrame first = frames.get(0);
        Vec3 n = stack.normal();
        Vec3 u = first.rowDirection().sub(n.scale(first.rowDirection().dot(n))).normalized();
        Vec3 v = n.cross(u);
        double du = first.columnSpacing();
        double dv = first.rowSpacing();
        double[] positions = stack.positions();
        int sizeZ = frames.size() == 1 ? 1
                : (int) Math.round((positions[positions.length - 1] - positions[0]) / stack.spacing()) + 1;
        double iMin = Double.POSITIVE_INFINITY;
        double iMax = Double.NEGATIVE_INFINITY;
        double jMin = Double.POSITIVE_INFINITY;
        double jMax = Double.NEGATIVE_INFINITY;
        for (ImageFrame f : frames) {
            for (int corner = 0; corner < 4; corner++) {
                double c = (corner & 1) == 0 ? 0 : f.columns() - 1;
                double r = (corner & 2) == 0 ? 0 : f.rows() - 1;
                Vec3 d = f.position().add(f.rowDirection().scale(c * f.columnSpacing()))
                        .add(f.columnDirection().scale(r * f.rowSpacing())).sub(first.position());
                double i = d.dot(u) / du;
                double j = d.dot(v) / dv;
                iMin = Math.min(iMin, i);
                iMax = Math.max(iMax, i);
                jMin = Math.min(jMin, j);
                jMax = Math.max(jMax, j);
            }
        }
        int i0 = (int) Math.floor(iMin + EXTENT_TOLERANCE);
        int i1 = (int) Math.ceil(iMax - EXTENT_TOLERANCE);
        int j0 = (int) Math.floor(jMin + EXTENT_TOLERANCE);
        int j1 = (int) Math.ceil(jMax - EXTENT_TOLERANCE);
        Vec3 origin = first.position().add(u.scale(i0 * du)).add(v.scale(j0 * dv));
        Affine affine = Affine.fromColumns(u.scale(du), v.scale(dv), n.scale(stack.spacing()), origin);
        return new ImageGrid(i1 - i0 + 1, j1 - j0 + 1, sizeZ, affine);
    }

    private static void resampleSlice(StackGeometry stack, Volume volume, boolean uniform, ImageGrid grid, int k,
                                      double fill, Object target) {
        double[] positions = stack.positions();
        int last = positions.length - 1;
        double t = positions[0] + k * stack.spacing();
        int lo;
        double w;
        if (last == 0 || t <= positions[0]) {
            lo = 0;
            w = 0;
        } else if (t >= positions[last]) {
            lo = last;
            w = 0;
        } else {
            lo = bracket(positions, t);
            double gap = positions[lo + 1] - positions[lo];
            w = gap > 0 ? (t - positions[lo]) / gap : 0;
            if (w > 1 - SNAP) {
                lo++;
                w = 0;
            } else if (w < SNAP) {
                w = 0;
            }
        }
        double[] acc = new double[grid.sizeX() * grid.sizeY()];
        sampleInto(stack.frames().get(lo), values(volume, lo, uniform), volume.grid(), grid, k, fill, acc, 1 - w);
        if (w > 0) {
            sampleInto(stack.frames().get(lo + 1), values(volume, lo + 1, uniform), volume.grid(), grid, k, fill, acc, w);
        }
        store(acc, target, grid.sizeX() * grid.sizeY(), volume, uniform);
    }

    /** Largest s with positions[s] ≤ t, for positions[0] ≤ t < positions[last]. */
    private static int bracket(double[] positions, double t) {
        int lo = 0;
        int hi = positions.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (positions[mid] <= t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Adds weight × (input slice sampled bilinearly at each voxel centre of output slice k) to acc.
     * The output point is projected along the normal onto the frame's plane: its (column, row) in
     * that frame is an affine function of the output (i, j), evaluated incrementally.
     */
    private static void sampleInto(ImageFrame frame, double[] data, ImageGrid in, ImageGrid out, int k, double fill,
                                   double[] acc, double weight) {
        int nx = in.sizeX();
        int ny = in.sizeY();
        Affine a = out.indexToLps();
        Vec3 d = a.apply(0, 0, k).sub(frame.position());
        Vec3 rowDir = frame.rowDirection();
        Vec3 colDir = frame.columnDirection();
        double cs = frame.columnSpacing();
        double rs = frame.rowSpacing();
        double c0 = d.dot(rowDir) / cs;
        double ci = a.column(0).dot(rowDir) / cs;
        double cj = a.column(1).dot(rowDir) / cs;
        double r0 = d.dot(colDir) / rs;
        double ri = a.column(0).dot(colDir) / rs;
        double rj = a.column(1).dot(colDir) / rs;
        double cMax = nx - 0.5;
        double rMax = ny - 0.5;
        int sizeX = out.sizeX();
        int sizeY = out.sizeY();
        for (int j = 0; j < sizeY; j++) {
            double cRow = c0 + j * cj;
            double rRow = r0 + j * rj;
            int base = j * sizeX;
            for (int i = 0; i < sizeX; i++) {
                double c = cRow + i * ci;
                double r = rRow + i * ri;
                double value;
                if (c >= -0.5 && c <= cMax && r >= -0.5 && r <= rMax) {
                    value = bilinear(data, nx, ny, c, r);
                } else {
                    value = fill;
                }
                acc[base + i] += weight * value;
            }
        }
    }

    private static double bilinear(double[] data, int nx, int ny, double c, double r) {
        double cc = Math.min(Math.max(c, 0), nx - 1);
        double rr = Math.min(Math.max(r, 0), ny - 1);
        int c0 = Math.min((int) cc, Math.max(nx - 2, 0));
        int r0 = Math.min((int) rr, Math.max(ny - 2, 0));
        int c1 = Math.min(c0 + 1, nx - 1);
        int r1 = Math.min(r0 + 1, ny - 1);
        double fc = cc - c0;
        double fr = rr - r0;
        int row0 = r0 * nx;
        int row1 = r1 * nx;
        double top = data[row0 + c0] + fc * (data[row0 + c1] - data[row0 + c0]);
        double bottom = data[row1 + c0] + fc * (data[row1 + c1] - data[row1 + c0]);
        return top + fr * (bottom - top);
    }

    /** Slice z as doubles: stored values, or physical ones when the rescale varies by slice. */
    private static double[] values(Volume volume, int z, boolean uniform) {
        Object s = volume.sliceArray(z);
        int length = volume.grid().sizeX() * volume.grid().sizeY();
        double[] out = new double[length];
        switch (volume.type()) {
            case UINT8 -> {
                byte[] a = (byte[]) s;
                for (int i = 0; i < length; i++) {
                    out[i] = a[i] & 0xFF;
                }
            }
            case INT8 -> {
                byte[] a = (byte[]) s;
                for (int i = 0; i < length; i++) {
                    out[i] = a[i];
                }
            }
            case UINT16 -> {
                short[] a = (short[]) s;
                for (int i = 0; i < length; i++) {
                    out[i] = a[i] & 0xFFFF;
                }
            }
            case INT16 -> {
                short[] a = (short[]) s;
                for (int i = 0; i < length; i++) {
                    out[i] = a[i];
                }
            }
            case INT32 -> {
                int[] a = (int[]) s;
                for (int i = 0; i < length; i++) {
                    out[i] = a[i];
                }
            }
            case UINT32 -> {
                int[] a = (int[]) s;
                for (int i = 0; i < length; i++) {
                    out[i] = Integer.toUnsignedLong(a[i]);
                }
            }
            case FLOAT32 -> {
                float[] a = (float[]) s;
                for (int i = 0; i < length; i++) {
                    out[i] = a[i];
                }
            }
            case FLOAT64 -> System.arraycopy((double[]) s, 0, out, 0, length);
        }
        if (!uniform) {
            double slope = volume.slope(z);
            double intercept = volume.intercept(z);
            for (int i = 0; i < length; i++) {
                out[i] = out[i] * slope + intercept;
            }
        }
        return out;
    }

    /** Smallest value in the volume (stored, or physical when the rescale varies by slice); NaN is skipped. */
    private static double minimum(Volume volume, boolean uniform) {
        return IntStream.range(0, volume.grid().sizeZ()).parallel().mapToDouble(z -> {
            double min = Double.POSITIVE_INFINITY;
            for (double v : values(volume, z, uniform)) {
                if (v < min) {
                    min = v;
                }
            }
            return min;
        }).min().orElse(0);
    }

    /** Writes acc into the output slice array: integer types rounded and clamped, NaN stored as 0. */
    private static void store(double[] acc, Object target, int length, Volume volume, boolean uniform) {
        VoxelType type = uniform ? volume.type() : VoxelType.FLOAT32;
        switch (type) {
            case UINT8, INT8 -> {
                byte[] a = (byte[]) target;
                for (int i = 0; i < length; i++) {
                    a[i] = (byte) toInteger(acc[i], type);
                }
            }
            case UINT16, INT16 -> {
                short[] a = (short[]) target;
                for (int i = 0; i < length; i++) {
                    a[i] = (short) toInteger(acc[i], type);
                }
            }
            case INT32, UINT32 -> {
                int[] a = (int[]) target;
                for (int i = 0; i < length; i++) {
                    a[i] = (int) toInteger(acc[i], type);
                }
            }
            case FLOAT32 -> {
                float[] a = (float[]) target;
                for (int i = 0; i < length; i++) {
                    a[i] = (float) acc[i];
                }
            }
            case FLOAT64 -> System.arraycopy(acc, 0, target, 0, length);
        }
    }

    private static long toInteger(double v, VoxelType type) {
        if (Double.isNaN(v)) {
            return 0;
        }
        return Math.round(Math.max(type.minValue(), Math.min(type.maxValue(), v)));
    }

    /** The text of the "resampled" property: why, and onto what. */
    private static String reason(StackGeometry stack, ImageGrid grid) {
        StringBuilder why = new StringBuilder();
        double[] p = stack.positions();
        double minGap = Double.POSITIVE_INFINITY;
        double maxGap = 0;
        for (int s = 1; s < p.length; s++) {
            minGap = Math.min(minGap, p[s] - p[s - 1]);
            maxGap = Math.max(maxGap, p[s] - p[s - 1]);
        }
        for (SeriesWarning.Kind kind : List.of(SeriesWarning.Kind.GANTRY_TILT, SeriesWarning.Kind.NON_UNIFORM_SPACING,
                SeriesWarning.Kind.MISSING_SLICES)) {
            if (stack.warnings().stream().noneMatch(w -> w.kind() == kind)) {
                continue;
            }
            why.append(why.isEmpty() ? "" : ", ").append(switch (kind) {
                case GANTRY_TILT -> String.format(Locale.ROOT, "gantry tilt %.2f deg", stack.tiltDegrees());
                case NON_UNIFORM_SPACING -> String.format(Locale.ROOT, "non-uniform slice spacing %.3f to %.3f mm", minGap, maxGap);
                default -> String.format(Locale.ROOT, "missing slices (gaps up to %.3f mm)", maxGap);
            });
        }
        Vec3 sp = grid.spacing();
        return String.format(Locale.ROOT, "%s; %d slices from %s to %s mm along the normal resampled to an orthogonal %dx%dx%d grid, "
                        + "spacing %.4f x %.4f x %.4f mm, bilinear in-plane and linear between slices",
                why.isEmpty() ? "regular stack" : why, p.length, fmt(p[0]), fmt(p[p.length - 1]),
                grid.sizeX(), grid.sizeY(), grid.sizeZ(), sp.x(), sp.y(), sp.z());
    }

    private static String fmt(double mm) {
        return String.format(Locale.ROOT, "%.3f", mm);
    }
}
