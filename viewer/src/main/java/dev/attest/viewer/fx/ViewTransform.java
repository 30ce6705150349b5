package dev.attest.viewer.fx;

import dev.attest.core.geometry.Vec3;
import dev.attest.viewer.mpr.SliceImage;
import dev.attest.viewer.mpr.ViewPlane;
import java.util.Objects;

/**
 * How the slice drawn in a view maps to the screen: screen (x, y) ↔ slice pixel (u, v) ↔ patient
 * LPS. Screen pixel column i covers [i, i + 1); slice pixel u has its centre at u, so
 * x = offsetX + (u + 0.5) · scale. One value per repaint: tools and layers get the transform of
 * what is on screen, and an export gets the same slice with scale, offset and uiScale multiplied.
 *
 * @param image   the slice at its own (native) pixel spacing, what measurements are made on
 * @param scale   screen pixels per slice pixel
 * @param offsetX screen x of the slice's left edge (pixel u = -0.5)
 * @param offsetY screen y of the slice's top edge (pixel v = -0.5)
 * @param uiScale how much larger than on screen lines and text are drawn (1 on screen, k in a ×k export)
 */
public record ViewTransform(SliceImage image, double scale, double offsetX, double offsetY, double uiScale) {

    public ViewTransform {
        Objects.requireNonNull(image, "image");
        if (!(scale > 0) || !Double.isFinite(scale) || !(uiScale > 0)) {
            throw new IllegalArgumentException("scale and uiScale must be positive: " + scale + ", " + uiScale);
        }
    }

    /** The plane the slice lies in. */
    public ViewPlane plane() {
        return image.plane();
    }

    /** Slice pixel (u, v) under screen point (x, y). */
    public double[] screenToPixel(double x, double y) {
        return new double[] {(x - offsetX) / scale - 0.5, (y - offsetY) / scale - 0.5};
    }

    /** Screen point of slice pixel position (u, v). */
    public double[] pixelToScreen(double u, double v) {
        return new double[] {offsetX + (u + 0.5) * scale, offsetY + (v + 0.5) * scale};
    }

    /** The LPS point on the slice's plane under screen point (x, y). */
    public Vec3 screenToLps(double x, double y) {
        double[] uv = screenToPixel(x, y);
        return image.pixelToLps(uv[0], uv[1]);
    }

    /** Screen point of an LPS point projected along the normal onto the plane. */
    public double[] lpsToScreen(Vec3 p) {
        Vec3 uvd = image.lpsToPixel(p);
        return pixelToScreen(uvd.x(), uvd.y());
    }

    /** Signed distance in mm from the plane along its normal (positive towards the next slice). */
    public double distanceToPlane(Vec3 p) {
        return image.lpsToPixel(p).z();
    }

    /** Millimetres in the patient covered by one screen pixel. */
    public double mmPerScreenPixel() {
        return image.pixelMm() / scale;
    }

    /** The same mapping drawn k times larger, as a ×k export draws it. */
    public ViewTransform magnified(double k) {
        return new ViewTransform(image, scale * k, offsetX * k, offsetY * k, uiScale * k);
    }
}
