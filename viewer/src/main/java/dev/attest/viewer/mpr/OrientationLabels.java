package dev.attest.viewer.mpr;

import dev.attest.core.geometry.Vec3;

/**
 * The patient-direction letters shown at the four edges of a view, as Weasis and OHIF show them:
 * each edge names the direction one travels towards it, with up to three letters ordered by
 * strength for an oblique direction ("LP" = mostly left, somewhat posterior).
 *
 * @param left  letters at the left edge
 * @param right letters at the right edge
 * @param top   letters at the top edge
 * @param bottom letters at the bottom edge
 */
public record OrientationLabels(String left, String right, String top, String bottom) {

    /**
     * Components below this share of the unit direction are left out, so a plane tilted by a few
     * degrees keeps a single letter (sin 15° ≈ 0.26) rather than flickering between two.
     */
    public static final double MINOR_COMPONENT = 0.25;

    private static final char[] POSITIVE = {'L', 'P', 'S'};
    private static final char[] NEGATIVE = {'R', 'A', 'I'};

    public static OrientationLabels of(ViewPlane plane) {
        return new OrientationLabels(
                letters(plane.right().scale(-1)), letters(plane.right()),
                letters(plane.down().scale(-1)), letters(plane.down()));
    }

    /** Returns the letters for an LPS direction, strongest component first. */
    public static String letters(Vec3 direction) {
        Vec3 d = direction.normalized();
        Integer[] axes = {0, 1, 2};
        java.util.Arrays.sort(axes, (a, b) -> Double.compare(Math.abs(d.get(b)), Math.abs(d.get(a))));
        StringBuilder sb = new StringBuilder(3);
        for (int axis : axes) {
            double c = d.get(axis);
            if (sb.isEmpty() || Math.abs(c) >= MINOR_COMPONENT) {
                sb.append(c >= 0 ? POSITIVE[axis] : NEGATIVE[axis]);
            }
        }
        return sb.toString();
    }
}
