package dev.attest.viewer.measure;

import dev.attest.core.geometry.Vec3;

/** Where an LPS point is drawn on a view, in screen (canvas) pixels; the views supply it. */
@FunctionalInterface
public interface ScreenProjection {

    /** Returns {x, y} in canvas pixels for a point on (or near) the view's plane. */
    double[] toScreen(Vec3 lps);
}
