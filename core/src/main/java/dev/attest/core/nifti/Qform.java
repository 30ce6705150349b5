package dev.attest.core.nifti;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.Vec3;

/**
 * The rigid voxel-to-RAS placement a NIfTI qform encodes: a rotation as the quaternion (b, c, d)
 * with a = √(1 − b² − c² − d²) ≥ 0, an offset, voxel sizes, and qfac (+1, or −1 when the k axis
 * is flipped to make a left-handed grid).
 */
public record Qform(double quaternB, double quaternC, double quaternD, Vec3 offset, Vec3 voxelSize, double qfac) {

    private static final int MAX_POLAR_ITERATIONS = 100;

    /** Normalises qfac the way the NIfTI standard reads pixdim[0]: negative means −1, anything else +1. */
    public Qform {
        qfac = qfac < 0 ? -1 : 1;
    }

    /** Returns the voxel-to-RAS affine this qform describes. */
    public Affine toAffine() {
        double b = quaternB;
        double c = quaternC;
        double d = quaternD;
        double sum = b * b + c * c + d * d;
        double a;
        if (sum < 1) {
            a = Math.sqrt(1 - sum);
        } else {
            // A 180° rotation written in float32 can have b²+c²+d² a hair above 1; renormalise
            // rather than produce a matrix that is not a rotation.
            a = 0;
            double n = Math.sqrt(sum);
            b /= n;
            c /= n;
            d /= n;
        }
        Vec3 r0 = new Vec3(a * a + b * b - c * c - d * d, 2 * (b * c + a * d), 2 * (b * d - a * c));
        Vec3 r1 = new Vec3(2 * (b * c - a * d), a * a + c * c - b * b - d * d, 2 * (c * d + a * b));
        Vec3 r2 = new Vec3(2 * (b * d + a * c), 2 * (c * d - a * b), a * a + d * d - c * c - b * b);
        return Affine.fromColumns(
                r0.scale(voxelSize.x()), r1.scale(voxelSize.y()), r2.scale(voxelSize.z() * qfac), offset);
    }

    /**
     * Returns the qform closest to a voxel-to-RAS affine. Voxel sizes are the column lengths; the
     * rotation is the orthogonal matrix nearest the normalised columns (their polar factor), so
     * a sheared affine, such as a gantry-tilted CT, gets the nearest rigid placement and only the
     * sform can carry it exactly.
     */
    public static Qform fromAffine(Affine affine) {
        Vec3 size = new Vec3(affine.column(0).norm(), affine.column(1).norm(), affine.column(2).norm());
        if (!(size.x() > 0 && size.y() > 0 && size.z() > 0)) {
            throw new IllegalArgumentException("affine has a zero-length axis: " + affine);
        }
        Affine rotation = nearestOrthogonal(Affine.fromColumns(
                affine.column(0).scale(1 / size.x()), affine.column(1).scale(1 / size.y()),
                affine.column(2).scale(1 / size.z()), Vec3.ZERO));
        double qfac = 1;
        if (rotation.determinant() < 0) {
            // A quaternion can only express a proper rotation; the reflection goes into qfac.
            qfac = -1;
            rotation = Affine.fromColumns(rotation.column(0), rotation.column(1), rotation.column(2).scale(-1), Vec3.ZERO);
        }
        double[] q = quaternion(rotation);
        return new Qform(q[1], q[2], q[3], affine.translation(), size, qfac);
    }

    /** Polar decomposition by Newton's iteration Q ← (Q + Q⁻ᵀ) / 2, which converges quadratically. */
    private static Affine nearestOrthogonal(Affine m) {
        Affine q = m;
        for (int iteration = 0; iteration < MAX_POLAR_ITERATIONS; iteration++) {
            Affine inv = q.inverse();
            Vec3[] next = new Vec3[3];
            for (int c = 0; c < 3; c++) {
                Vec3 inverseTransposeColumn = new Vec3(inv.get(c, 0), inv.get(c, 1), inv.get(c, 2));
                next[c] = q.column(c).add(inverseTransposeColumn).scale(0.5);
            }
            Affine updated = Affine.fromColumns(next[0], next[1], next[2], Vec3.ZERO);
            boolean converged = updated.maxAbsDifference(q) < 1e-15;
            q = updated;
            if (converged) {
                break;
            }
        }
        return q;
    }

    /**
     * Returns (a, b, c, d) for a proper rotation, with a ≥ 0. The component largest in magnitude
     * is computed from the diagonal first (Shepperd's method) so no division by a small number occurs.
     */
    private static double[] quaternion(Affine r) {
        double r00 = r.get(0, 0), r01 = r.get(0, 1), r02 = r.get(0, 2);
        double r10 = r.get(1, 0), r11 = r.get(1, 1), r12 = r.get(1, 2);
        double r20 = r.get(2, 0), r21 = r.get(2, 1), r22 = r.get(2, 2);
        double trace = r00 + r11 + r22;
        double a, b, c, d;
        if (trace >= r00 && trace >= r11 && trace >= r22) {
            a = 0.5 * Math.sqrt(Math.max(0, 1 + trace));
            b = (r21 - r12) / (4 * a);
            c = (r02 - r20) / (4 * a);
            d = (r10 - r01) / (4 * a);
        } else if (r00 >= r11 && r00 >= r22) {
            b = 0.5 * Math.sqrt(Math.max(0, 1 + r00 - r11 - r22));
            a = (r21 - r12) / (4 * b);
            c = (r01 + r10) / (4 * b);
            d = (r02 + r20) / (4 * b);
        } else if (r11 >= r22) {
            c = 0.5 * Math.sqrt(Math.max(0, 1 - r00 + r11 - r22));
            a = (r02 - r20) / (4 * c);
            b = (r01 + r10) / (4 * c);
            d = (r12 + r21) / (4 * c);
        } else {
            d = 0.5 * Math.sqrt(Math.max(0, 1 - r00 - r11 + r22));
            a = (r10 - r01) / (4 * d);
            b = (r02 + r20) / (4 * d);
            c = (r12 + r21) / (4 * d);
        }
        // q and -q are the same rotation; NIfTI stores only b, c, d and implies a >= 0.
        double sign = a < 0 ? -1 : 1;
        return new double[] {a * sign, b * sign, c * sign, d * sign};
    }
}
