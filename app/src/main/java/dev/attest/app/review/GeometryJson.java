package dev.attest.app.review;

import dev.attest.core.geometry.Vec3;

import java.util.Locale;

/**
 * The inline geometry a project stores for reviewers' points and boxes (missed findings, corrected boxes and
 * points): LPS millimetres to the micrometre, under keys ending in {@code _lps_mm}. One writer, so every
 * record reads the same way in the database and the export.
 */
public final class GeometryJson {
    private GeometryJson() {
    }

    /** {@code [x,y,z]} in LPS millimetres with three decimals. */
    public static String lps(Vec3 v) {
        return String.format(Locale.ROOT, "[%.3f,%.3f,%.3f]", v.x(), v.y(), v.z());
    }

    /** {@code {"point_lps_mm":[x,y,z]}}: a point with nothing else attached. */
    public static String point(Vec3 v) {
        return "{\"point_lps_mm\":" + lps(v) + "}";
    }
}
