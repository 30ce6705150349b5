package dev.attest.viewer.volume3d;

import dev.attest.core.geometry.Vec3;

/**
 * An orthographic camera orbiting the volume's centre, with the conventions of a radiology 3D view.
 *
 * <p><b>Frame.</b> All directions are in patient LPS (+x left, +y posterior, +z superior). The
 * camera is described by three orthonormal vectors: {@link #right()} and {@link #down()}, the
 * directions in which image columns and rows advance, and {@link #viewDirection()}, the
 * direction rays travel (into the screen), with viewDirection = right × down.
 *
 * <p><b>Default (azimuth 0, elevation 0)</b>: the patient is seen from the front (anterior), head
 * up: rays travel +y (anterior to posterior), right = +x (patient left on the image's right, as
 * in a coronal MPR), down = −z.
 *
 * <p><b>Azimuth</b> (degrees) turns the camera about the patient's superior axis (+z), right-handed:
 * azimuth 90 puts the camera on the patient's left looking right (rays −x), with right = +y
 * (posterior on the image's right, face on the left, as in a sagittal MPR); azimuth −90 or 270
 * views from the patient's right. In general right = (cos a, sin a, 0).
 *
 * <p><b>Elevation</b> (degrees, −90..90) raises the camera towards the head: the eye lies in
 * direction (sin a cos e, −cos a cos e, sin e) from the centre and rays travel opposite to it.
 * Elevation −90 looks up from the feet with right = +x and down = +y, i.e. the radiological
 * axial view; +90 looks down from above the head.
 *
 * <p><b>Zoom</b> 1 fits the volume's bounding sphere (through the outer voxel corners) into the
 * smaller image side; larger zooms in. <b>Pan</b> (millimetres, along right and down) moves the
 * picture: pan (10, 0) shifts the content 10 mm to the right on screen.
 */
public record OrbitCamera(double azimuthDeg, double elevationDeg, double zoom, double panRightMm, double panDownMm) {

    /** The anterior view, fitted, not panned. */
    public static final OrbitCamera ANTERIOR = new OrbitCamera(0, 0, 1, 0, 0);

    /** Refuses non-finite values and zooms that are not positive; elevation is limited to ±90. */
    public OrbitCamera {
        if (!Double.isFinite(azimuthDeg) || !Double.isFinite(elevationDeg) || !Double.isFinite(panRightMm)
                || !Double.isFinite(panDownMm) || !(zoom > 0) || !Double.isFinite(zoom)) {
            throw new IllegalArgumentException("camera values must be finite and zoom positive: azimuth " + azimuthDeg
                    + ", elevation " + elevationDeg + ", zoom " + zoom + ", pan " + panRightMm + "/" + panDownMm);
        }
        if (elevationDeg < -90 || elevationDeg > 90) {
            throw new IllegalArgumentException("elevation must lie in -90..90 degrees, got " + elevationDeg);
        }
    }

    /** Unit direction of increasing image column: (cos a, sin a, 0). */
    public Vec3 right() {
        double a = Math.toRadians(azimuthDeg);
        return clean(new Vec3(Math.cos(a), Math.sin(a), 0));
    }

    /** Unit direction from the centre towards the eye: (sin a cos e, −cos a cos e, sin e). */
    public Vec3 eyeDirection() {
        double a = Math.toRadians(azimuthDeg);
        double e = Math.toRadians(elevationDeg);
        return clean(new Vec3(Math.sin(a) * Math.cos(e), -Math.cos(a) * Math.cos(e), Math.sin(e)));
    }

    /** Unit direction in which rays travel, away from the eye. */
    public Vec3 viewDirection() {
        return clean(eyeDirection().scale(-1));
    }

    /** Unit direction of increasing image row; right × down = viewDirection. */
    public Vec3 down() {
        // up = eye × right, so down = right × eye.
        return clean(right().cross(eyeDirection()));
    }

    public OrbitCamera withAngles(double azimuth, double elevation) {
        return new OrbitCamera(normalizeAzimuth(azimuth), Math.max(-90, Math.min(90, elevation)), zoom, panRightMm, panDownMm);
    }

    public OrbitCamera withZoom(double newZoom) {
        return new OrbitCamera(azimuthDeg, elevationDeg, newZoom, panRightMm, panDownMm);
    }

    public OrbitCamera withPan(double right, double down) {
        return new OrbitCamera(azimuthDeg, elevationDeg, zoom, right, down);
    }

    /** Wraps an azimuth into (−180, 180] so long drags do not accumulate large angles. */
    public static double normalizeAzimuth(double deg) {
        double a = deg % 360;
        if (a > 180) {
            a -= 360;
        } else if (a <= -180) {
            a += 360;
        }
        return a;
    }

    /** Rounds components within 1e-12 of an integer to it, so the axis-aligned views are exact. */
    private static Vec3 clean(Vec3 v) {
        return new Vec3(snap(v.x()), snap(v.y()), snap(v.z()));
    }

    private static double snap(double c) {
        double r = Math.rint(c);
        return Math.abs(c - r) < 1e-12 ? r + 0.0 : c;
    }
}
