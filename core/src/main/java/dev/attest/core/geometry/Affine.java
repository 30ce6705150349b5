package dev.attest.core.geometry;

import java.util.Arrays;
import java.util.Locale;

/** An immutable 4x4 homogeneous affine transform whose last row is always 0 0 0 1. */
public final class Affine {

    private static final Affine IDENTITY = new Affine(new double[] {
        1, 0, 0, 0,
        0, 1, 0, 0,
        0, 0, 1, 0,
        0, 0, 0, 1});

    /** Row-major, all 16 entries, so that {@link #toRowMajor()} and equality need no special case. */
    private final double[] m;

    private Affine(double[] rowMajor) {
        this.m = rowMajor;
        for (int i = 0; i < 16; i++) {
            // -0.0 and 0.0 are the same transform; without this, a header that stores -0.0
            // (common in NIfTI sforms) would make equal geometries compare unequal.
            m[i] += 0.0;
        }
    }

    public static Affine identity() {
        return IDENTITY;
    }

    /** Creates an affine from four rows of four values; the last row must be exactly 0 0 0 1. */
    public static Affine of(double[][] rows) {
        if (rows.length != 4) {
            throw new IllegalArgumentException("an affine needs 4 rows, got " + rows.length);
        }
        double[] values = new double[16];
        for (int r = 0; r < 4; r++) {
            if (rows[r].length != 4) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, not 4");
            }
            System.arraycopy(rows[r], 0, values, 4 * r, 4);
        }
        if (values[12] != 0 || values[13] != 0 || values[14] != 0 || values[15] != 1) {
            throw new IllegalArgumentException("last row must be 0 0 0 1, got " + Arrays.toString(rows[3]));
        }
        requireFinite(values);
        return new Affine(values);
    }

    /** Creates the affine whose first three columns are c0, c1, c2 and whose translation is t. */
    public static Affine fromColumns(Vec3 c0, Vec3 c1, Vec3 c2, Vec3 translation) {
        double[] values = {
            c0.x(), c1.x(), c2.x(), translation.x(),
            c0.y(), c1.y(), c2.y(), translation.y(),
            c0.z(), c1.z(), c2.z(), translation.z(),
            0, 0, 0, 1};
        requireFinite(values);
        return new Affine(values);
    }

    /** Creates the scaling diag(sx, sy, sz, 1). */
    public static Affine diagonal(double sx, double sy, double sz) {
        return fromColumns(new Vec3(sx, 0, 0), new Vec3(0, sy, 0), new Vec3(0, 0, sz), Vec3.ZERO);
    }

    public double get(int r, int c) {
        if (r < 0 || r > 3 || c < 0 || c > 3) {
            throw new IndexOutOfBoundsException("(" + r + ", " + c + ") is outside a 4x4 matrix");
        }
        return m[4 * r + c];
    }

    /** Returns the first three rows of column c: an axis vector for c in 0..2, the translation for 3. */
    public Vec3 column(int c) {
        if (c < 0 || c > 3) {
            throw new IndexOutOfBoundsException("column " + c + " is outside a 4x4 matrix");
        }
        return new Vec3(m[c], m[4 + c], m[8 + c]);
    }

    public Vec3 translation() {
        return column(3);
    }

    /** Returns this ∘ other: the transform that applies other first, then this. */
    public Affine multiply(Affine other) {
        double[] a = m;
        double[] b = other.m;
        double[] out = new double[16];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                out[4 * r + c] = a[4 * r] * b[c] + a[4 * r + 1] * b[4 + c]
                        + a[4 * r + 2] * b[8 + c] + a[4 * r + 3] * b[12 + c];
            }
        }
        return new Affine(out);
    }

    /** Determinant of the linear (upper-left 3x3) part; negative for a left-handed axis set. */
    public double determinant() {
        return m[0] * (m[5] * m[10] - m[6] * m[9])
                - m[1] * (m[4] * m[10] - m[6] * m[8])
                + m[2] * (m[4] * m[9] - m[5] * m[8]);
    }

    /**
     * Returns the inverse transform. The linear part is inverted in general (by its adjugate), not
     * by transposition, because gantry-tilted and resampled grids have sheared, non-orthonormal axes.
     */
    public Affine inverse() {
        double det = determinant();
        double scale = maxAbsLinear();
        // Compare with the cube of the matrix scale so the test does not depend on units (mm vs m).
        if (!(Math.abs(det) > 1e-12 * scale * scale * scale)) {
            throw new ArithmeticException("affine is singular (determinant " + det + "): " + this);
        }
        double[] inv = new double[16];
        inv[0] = (m[5] * m[10] - m[6] * m[9]) / det;
        inv[1] = (m[2] * m[9] - m[1] * m[10]) / det;
        inv[2] = (m[1] * m[6] - m[2] * m[5]) / det;
        inv[4] = (m[6] * m[8] - m[4] * m[10]) / det;
        inv[5] = (m[0] * m[10] - m[2] * m[8]) / det;
        inv[6] = (m[2] * m[4] - m[0] * m[6]) / det;
        inv[8] = (m[4] * m[9] - m[5] * m[8]) / det;
        inv[9] = (m[1] * m[8] - m[0] * m[9]) / det;
        inv[10] = (m[0] * m[5] - m[1] * m[4]) / det;
        for (int r = 0; r < 3; r++) {
            inv[4 * r + 3] = -(inv[4 * r] * m[3] + inv[4 * r + 1] * m[7] + inv[4 * r + 2] * m[11]);
        }
        inv[15] = 1;
        return new Affine(inv);
    }

    /** Maps a point, translation included. */
    public Vec3 apply(Vec3 p) {
        return apply(p.x(), p.y(), p.z());
    }

    /** Maps the point (i, j, k), typically a voxel index, translation included. */
    public Vec3 apply(double i, double j, double k) {
        return new Vec3(
                m[0] * i + m[1] * j + m[2] * k + m[3],
                m[4] * i + m[5] * j + m[6] * k + m[7],
                m[8] * i + m[9] * j + m[10] * k + m[11]);
    }

    /** Maps a direction or displacement, so the translation is ignored. */
    public Vec3 applyDirection(Vec3 d) {
        return new Vec3(
                m[0] * d.x() + m[1] * d.y() + m[2] * d.z(),
                m[4] * d.x() + m[5] * d.y() + m[6] * d.z(),
                m[8] * d.x() + m[9] * d.y() + m[10] * d.z());
    }

    public double[] toRowMajor() {
        return m.clone();
    }

    /** Returns the largest absolute difference between corresponding entries. */
    public double maxAbsDifference(Affine other) {
        double max = 0;
        for (int i = 0; i < 16; i++) {
            max = Math.max(max, Math.abs(m[i] - other.m[i]));
        }
        return max;
    }

    private double maxAbsLinear() {
        double max = 0;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                max = Math.max(max, Math.abs(m[4 * r + c]));
            }
        }
        return max;
    }

    private static void requireFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("affine entries must be finite: " + Arrays.toString(values));
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Affine a && Arrays.equals(m, a.m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Affine[");
        for (int r = 0; r < 4; r++) {
            sb.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < 4; c++) {
                sb.append(c == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6g", m[4 * r + c]));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }
}
