package dev.attest.viewer.render;

import dev.attest.viewer.mpr.SliceImage;

import java.util.Arrays;

/**
 * A closed polygon drawn on a slice, vertices in pixel coordinates (pixel (i, j) centred at (i, j)).
 *
 * <p>Inside rule: a pixel belongs to the region when its centre is inside the polygon by the
 * even-odd crossing test with half-open edges, so a centre lying exactly on an edge shared by two
 * adjacent polygons is counted in exactly one of them. The area is the polygon's own (shoelace)
 * area, not the count of inside pixels, so it does not jump as the outline moves by a fraction of
 * a pixel.
 */
public record PolygonRoi(String label, double[] xs, double[] ys) {

    public PolygonRoi {
        if (xs.length != ys.length || xs.length < 3) {
            throw new IllegalArgumentException("a polygon needs at least 3 vertices with x and y each");
        }
        xs = xs.clone();
        ys = ys.clone();
    }

    /** The vertices' x coordinates (a copy: the record keeps its own). */
    @Override
    public double[] xs() {
        return xs.clone();
    }

    /** The vertices' y coordinates (a copy). */
    @Override
    public double[] ys() {
        return ys.clone();
    }

    /** Area in square pixels (shoelace formula; self-intersecting outlines are not supported). */
    public double areaPixels() {
        double twice = 0;
        for (int k = 0, prev = xs.length - 1; k < xs.length; prev = k++) {
            twice += xs[prev] * ys[k] - xs[k] * ys[prev];
        }
        return Math.abs(twice) / 2;
    }

    public double areaMm2(SliceImage image) {
        return areaPixels() * image.pixelAreaMm2();
    }

    public boolean containsCentre(double x, double y) {
        boolean inside = false;
        for (int k = 0, prev = xs.length - 1; k < xs.length; prev = k++) {
            if ((ys[k] > y) != (ys[prev] > y)) {
                double crossX = xs[k] + (y - ys[k]) * (xs[prev] - xs[k]) / (ys[prev] - ys[k]);
                if (x < crossX) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    public PixelStats stats(SliceImage image) {
        PixelStats.Accumulator acc = new PixelStats.Accumulator();
        int i0 = Math.max(0, (int) Math.floor(min(xs)));
        int i1 = Math.min(image.width() - 1, (int) Math.ceil(max(xs)));
        int j0 = Math.max(0, (int) Math.floor(min(ys)));
        int j1 = Math.min(image.height() - 1, (int) Math.ceil(max(ys)));
        for (int j = j0; j <= j1; j++) {
            for (int i = i0; i <= i1; i++) {
                if (containsCentre(i, j)) {
                    acc.add(image.value(i, j));
                }
            }
        }
        return acc.result();
    }

    public RoiMeasurement measure(SliceImage image) {
        return new RoiMeasurement("polygon", label, areaMm2(image), stats(image), image.unit());
    }

    private static double min(double[] a) {
        return Arrays.stream(a).min().orElseThrow();
    }

    private static double max(double[] a) {
        return Arrays.stream(a).max().orElseThrow();
    }
}
