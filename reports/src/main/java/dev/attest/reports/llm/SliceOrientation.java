package dev.attest.reports.llm;

import dev.attest.core.geometry.ImageGrid;

/**
 * How to lay a stored slice (a plane of constant k) on an image so it reads the way radiologists
 * and report models expect: axial and coronal with the patient's left on the image right
 * (radiological convention), axial with posterior at the bottom, coronal and sagittal with the
 * feet at the bottom, sagittal with posterior on the right. Only flips are used, never a transpose,
 * so a grid whose rows run head to foot keeps that on the horizontal; the edge letters then say
 * where each direction ended up, which the caption passes on.
 *
 * @param flipX mirror left-right
 * @param flipY mirror top-bottom
 * @param right the patient direction (L, R, A, P, S, I) towards the image's right edge
 * @param down the patient direction towards the image's bottom edge
 * @param plane "axial", "coronal" or "sagittal", by the slice normal's closest patient axis
 */
record SliceOrientation(boolean flipX, boolean flipY, char right, char down, String plane) {

    static SliceOrientation of(ImageGrid grid) {
        String code = grid.orientationCode();
        char column = code.charAt(0);
        char row = code.charAt(1);
        char wantRight = switch (column) {
            case 'L', 'R' -> 'L';
            case 'A', 'P' -> 'P';
            default -> 'S';
        };
        char wantDown = switch (row) {
            case 'L', 'R' -> 'L';
            case 'A', 'P' -> 'P';
            default -> 'I';
        };
        String plane = switch (code.charAt(2)) {
            case 'S', 'I' -> "axial";
            case 'A', 'P' -> "coronal";
            default -> "sagittal";
        };
        return new SliceOrientation(column != wantRight, row != wantDown, wantRight, wantDown, plane);
    }

    /** Where the patient is, in words for the caption: "image right = patient left, image bottom = posterior". */
    String describe() {
        return "image right = " + word(right) + ", image bottom = " + word(down);
    }

    private static String word(char direction) {
        return switch (direction) {
            case 'L' -> "patient left";
            case 'R' -> "patient right";
            case 'A' -> "anterior";
            case 'P' -> "posterior";
            case 'S' -> "superior (head)";
            default -> "inferior (feet)";
        };
    }
}
