package dev.attest.viewer.render;

import dev.attest.core.geometry.Vec3;
import java.util.List;

/** The angle at {@code vertex} between the rays to {@code first} and {@code second}, in degrees (0..180). */
public record Angle(String label, Vec3 first, Vec3 vertex, Vec3 second) implements Measurement {

    public Angle {
        if (first.equals(vertex) || second.equals(vertex)) {
            throw new IllegalArgumentException("an arm of the angle has zero length");
        }
    }

    /** atan2(|u x v|, u . v) rather than acos, which loses precision near 0 and 180 degrees. */
    public double degrees() {
        Vec3 u = first.sub(vertex);
        Vec3 v = second.sub(vertex);
        return Math.toDegrees(Math.atan2(u.cross(v).norm(), u.dot(v)));
    }

    @Override
    public String kind() {
        return "angle";
    }

    @Override
    public List<Quantity> quantities() {
        return List.of(new Quantity("angle", degrees(), "deg"));
    }
}
