package dev.attest.viewer.mpr;

import dev.attest.core.geometry.Vec3;
import java.util.Objects;

/**
 * The LPS point shared by linked MPR views: clicking in one view moves it, and every view's plane
 * passes through it, so the views always show the same spot of the patient.
 */
public record Crosshair(Vec3 point) {

    public Crosshair {
        Objects.requireNonNull(point, "point");
    }

    /** Returns the crosshair moved to pixel (u, v) of a view; its depth becomes that view's plane. */
    public Crosshair clickedAt(SliceImage image, double u, double v) {
        return new Crosshair(image.pixelToLps(u, v));
    }

    /** Returns the crosshair moved by whole slices through a view, as the mouse wheel does. */
    public Crosshair scrolled(SliceNavigator navigator, int slices) {
        return new Crosshair(navigator.move(point, slices));
    }

    /** Returns the plane of a standard view through the crosshair. */
    public ViewPlane plane(StandardView view) {
        return view.planeThrough(point);
    }

    /** Returns where the crosshair lines cross in a view, as (u, v) pixels; either may fall off the image. */
    public double[] inView(SliceImage image) {
        Vec3 uvd = image.lpsToPixel(point);
        return new double[] {uvd.x(), uvd.y()};
    }
}
