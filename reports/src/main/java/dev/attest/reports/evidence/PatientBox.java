package dev.attest.reports.evidence;

import dev.attest.core.geometry.Vec3;

import java.util.Objects;

/** An axis-aligned box in patient LPS millimetres, from its smallest to its largest corner. */
public record PatientBox(Vec3 min, Vec3 max) {
    public PatientBox {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (!(min.x() <= max.x() && min.y() <= max.y() && min.z() <= max.z())) {
            throw new IllegalArgumentException("box corner " + min + " is not below " + max + " on every axis");
        }
    }

    /** Tells whether a point lies in the box, faces included. */
    public boolean contains(Vec3 p) {
        return p.x() >= min.x() && p.x() <= max.x() && p.y() >= min.y() && p.y() <= max.y()
                && p.z() >= min.z() && p.z() <= max.z();
    }

    /** Edge lengths along x, y and z (mm). */
    public Vec3 size() {
        return max.sub(min);
    }

    public Vec3 centre() {
        return min.add(max).scale(0.5);
    }

    /** The longer of the two edges in the axial (x-y) plane, mm: what a box says about a lesion's diameter. */
    public double longestAxialSideMm() {
        return Math.max(max.x() - min.x(), max.y() - min.y());
    }
}
