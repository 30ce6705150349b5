package dev.attest.viewer.mpr;

import dev.attest.core.geometry.Vec3;
import java.util.Objects;

/**
 * An oriented plane in LPS millimetres: a centre point and the unit directions in which image
 * columns (right) and rows (down) advance on screen.
 *
 * <p>The standard views follow the radiological convention used by every DICOM viewer: the
 * patient is seen from the feet (axial) or from the front (coronal), so the patient's left is on
 * the image right. Axial: right = +x (L), down = +y (P). Coronal: right = +x (L), down = -z (I).
 * Sagittal: right = +y (P), down = -z (I), i.e. seen from the patient's left with the face on
 * the image left. The normal is right × down, so it points S (axial), P (coronal) and R
 * (sagittal); scrolling "forward" moves along it.
 */
public record ViewPlane(Vec3 centre, Vec3 right, Vec3 down) {

    private static final double ORTHONORMAL_TOL = 1e-6;

    private static final Vec3 X = new Vec3(1, 0, 0);
    private static final Vec3 Y = new Vec3(0, 1, 0);
    private static final Vec3 NEG_Z = new Vec3(0, 0, -1);

    /** Refuses directions that are not unit length and perpendicular, since pixels must stay square. */
    public ViewPlane {
        Objects.requireNonNull(centre, "centre");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(down, "down");
        if (Math.abs(right.norm() - 1) > ORTHONORMAL_TOL || Math.abs(down.norm() - 1) > ORTHONORMAL_TOL
                || Math.abs(right.dot(down)) > ORTHONORMAL_TOL) {
            throw new IllegalArgumentException("right " + right + " and down " + down + " must be orthonormal");
        }
    }

    public static ViewPlane axial(Vec3 centre) {
        return new ViewPlane(centre, X, Y);
    }

    public static ViewPlane coronal(Vec3 centre) {
        return new ViewPlane(centre, X, NEG_Z);
    }

    public static ViewPlane sagittal(Vec3 centre) {
        return new ViewPlane(centre, Y, NEG_Z);
    }

    /**
     * Creates an oblique plane from any two perpendicular directions; they are normalised here,
     * and down is made exactly perpendicular to right (Gram-Schmidt) to absorb rounding in callers.
     */
    public static ViewPlane oblique(Vec3 centre, Vec3 right, Vec3 down) {
        Vec3 r = right.normalized();
        Vec3 d = down.sub(r.scale(down.dot(r)));
        if (d.norm() < 1e-3 * down.norm()) {
            throw new IllegalArgumentException("right " + right + " and down " + down + " are parallel");
        }
        return new ViewPlane(centre, r, d.normalized());
    }

    /** The unit normal right × down, the direction of "next slice". */
    public Vec3 normal() {
        Vec3 n = right.cross(down);
        // Adding 0.0 turns -0.0 into 0.0, so equal normals compare equal (Vec3 is a record).
        return new Vec3(n.x() + 0.0, n.y() + 0.0, n.z() + 0.0);
    }

    /** Returns the same orientation through another point, as when the crosshair moves. */
    public ViewPlane withCentre(Vec3 newCentre) {
        return new ViewPlane(newCentre, right, down);
    }
}
