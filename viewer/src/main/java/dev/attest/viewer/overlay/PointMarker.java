package dev.attest.viewer.overlay;

import dev.attest.core.geometry.Vec3;
import dev.attest.viewer.mpr.ViewPlane;
import java.util.List;
import java.util.Objects;

/**
 * A point in LPS (a grounded finding, a landmark) with a colour and a short text, drawn in a view
 * while it lies within half a slice of the view's plane.
 *
 * @param rgb colour as 0xRRGGBB
 */
public record PointMarker(String name, Vec3 position, int rgb, boolean visible) implements Overlay {

    public PointMarker {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        rgb &= 0xFFFFFF;
    }

    public static PointMarker of(String name, Vec3 position, int rgb) {
        return new PointMarker(name, position, rgb, true);
    }

    /**
     * Whether the point is drawn on a plane whose slices are {@code sliceStepMm} apart: within
     * half a slice, the boundary included, so a point exactly between two slices shows on both.
     */
    public boolean shownOn(ViewPlane plane, double sliceStepMm) {
        return Math.abs(position.sub(plane.centre()).dot(plane.normal())) <= sliceStepMm / 2;
    }

    @Override
    public PointMarker withVisible(boolean shown) {
        return new PointMarker(name, position, rgb, shown);
    }

    @Override
    public List<LegendEntry> legend() {
        return List.of(new LegendEntry(rgb, name, LegendEntry.Kind.POINT));
    }
}
