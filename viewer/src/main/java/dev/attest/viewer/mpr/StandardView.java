package dev.attest.viewer.mpr;

import dev.attest.core.geometry.Vec3;
import java.util.function.Function;

/** The three orthogonal views of an MPR layout, each producing its {@link ViewPlane} through a point. */
public enum StandardView {
    AXIAL(ViewPlane::axial),
    CORONAL(ViewPlane::coronal),
    SAGITTAL(ViewPlane::sagittal);

    private final Function<Vec3, ViewPlane> factory;

    StandardView(Function<Vec3, ViewPlane> factory) {
        this.factory = factory;
    }

    public ViewPlane planeThrough(Vec3 lps) {
        return factory.apply(lps);
    }
}
