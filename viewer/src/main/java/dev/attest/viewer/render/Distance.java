package dev.attest.viewer.render;

import dev.attest.core.geometry.Vec3;
import java.util.List;

/** The straight-line distance between two points in patient (LPS) space, in millimetres. */
public record Distance(String label, Vec3 from, Vec3 to) implements Measurement {

    public double millimetres() {
        return from.distance(to);
    }

    @Override
    public String kind() {
        return "distance";
    }

    @Override
    public List<Quantity> quantities() {
        return List.of(new Quantity("length", millimetres(), "mm"));
    }
}
