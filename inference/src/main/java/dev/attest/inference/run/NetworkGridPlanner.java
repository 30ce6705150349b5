package dev.attest.inference.run;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import java.util.Locale;

/**
 * Plans the grid a network sees. Orientation only permutes and flips the source axes (never
 * rotates), picking for each letter of the code (e.g. "RAS": +i towards the patient's right) the
 * source axis closest to that direction. Spacing keeps each axis direction and the first voxel
 * centre, and sets n' = round((n − 1) · s / s') + 1 voxels (round half to even), so the new grid
 * spans the same extent as the old one, as MONAI's Spacing does; unlike MONAI, a ratio within float32 rounding
 * of a half is taken as that half ({@link StorageRounding}), so NIfTI and DICOM copies of one image plan one grid.
 */
public final class NetworkGridPlanner {

    private static final String LETTERS = "LPSRAI";

    private NetworkGridPlanner() {
    }

    /**
     * Returns the network grid for a source grid; orientation null keeps the axes, targetSpacing
     * (x, y, z mm along the new axes) null keeps the spacing.
     */
    public static ImageGrid plan(ImageGrid source, double[] targetSpacing, String orientation) {
        ImageGrid oriented = orientation == null ? source : reorient(source, orientation);
        if (targetSpacing == null) {
            return oriented;
        }
        Affine a = oriented.indexToLps();
        int[] n = new int[3];
        Vec3[] cols = new Vec3[3];
        for (int axis = 0; axis < 3; axis++) {
            if (!(targetSpacing[axis] > 0)) {
                throw new IllegalArgumentException("target spacing must be positive, got " + targetSpacing[axis]);
            }
            Vec3 c = a.column(axis);
            double s = c.norm();
            n[axis] = Math.max(1, (int) Math.rint(StorageRounding.snapped((oriented.size(axis) - 1) * s / targetSpacing[axis])) + 1);
            cols[axis] = c.scale(targetSpacing[axis] / s);
        }
        return new ImageGrid(n[0], n[1], n[2], Affine.fromColumns(cols[0], cols[1], cols[2], a.translation()));
    }

    /** Permutes and flips the axes so +i, +j, +k point as close as possible to the three letters. */
    static ImageGrid reorient(ImageGrid source, String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (c.length() != 3) {
            throw new IllegalArgumentException("orientation must be three letters such as RAS or LPS, got '" + code + "'");
        }
        int[] patientAxisOfLetter = new int[3];
        double[] signOfLetter = new double[3];
        boolean[] seen = new boolean[3];
        for (int i = 0; i < 3; i++) {
            int idx = LETTERS.indexOf(c.charAt(i));
            if (idx < 0 || seen[idx % 3]) {
                throw new IllegalArgumentException("orientation '" + code + "' must use one of L/R, P/A and S/I each");
            }
            seen[idx % 3] = true;
            patientAxisOfLetter[i] = idx % 3;
            signOfLetter[i] = idx < 3 ? 1 : -1;
        }
        // The source axis nearest each patient axis, as orientationCode() decides it.
        String src = source.orientationCode();
        Affine a = source.indexToLps();
        Vec3[] cols = new Vec3[3];
        Vec3 origin = a.translation();
        for (int newAxis = 0; newAxis < 3; newAxis++) {
            int srcAxis = -1;
            for (int s = 0; s < 3; s++) {
                if (LETTERS.indexOf(src.charAt(s)) % 3 == patientAxisOfLetter[newAxis]) {
                    srcAxis = s;
                }
            }
            Vec3 col = a.column(srcAxis);
            boolean flip = Math.signum(col.get(patientAxisOfLetter[newAxis])) != signOfLetter[newAxis];
            if (flip) {
                // The new index 0 is the old last voxel along this axis.
                origin = origin.add(col.scale(source.size(srcAxis) - 1));
                col = col.scale(-1);
            }
            cols[newAxis] = col;
        }
        int[] sizes = new int[3];
        for (int newAxis = 0; newAxis < 3; newAxis++) {
            for (int s = 0; s < 3; s++) {
                if (LETTERS.indexOf(src.charAt(s)) % 3 == patientAxisOfLetter[newAxis]) {
                    sizes[newAxis] = source.size(s);
                }
            }
        }
        return new ImageGrid(sizes[0], sizes[1], sizes[2], Affine.fromColumns(cols[0], cols[1], cols[2], origin));
    }
}
