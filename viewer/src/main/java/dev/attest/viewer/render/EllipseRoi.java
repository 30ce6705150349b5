package dev.attest.viewer.render;

import dev.attest.viewer.mpr.SliceImage;

/**
 * An axis-aligned ellipse drawn on a slice: centre and semi-axes in pixel coordinates (pixel
 * (i, j) centred at (i, j)). Inside rule: a pixel belongs to the region when its centre satisfies
 * ((x - cx) / rx)^2 + ((y - cy) / ry)^2 <= 1, the boundary included. The area is the ellipse's
 * own, pi * rx * ry, scaled to mm^2.
 */
public record EllipseRoi(String label, double centreX, double centreY, double radiusX, double radiusY) {

    public EllipseRoi {
        if (!(radiusX > 0) || !(radiusY > 0)) {
            throw new IllegalArgumentException("semi-axes must be positive: " + radiusX + ", " + radiusY);
        }
    }

    public double areaMm2(SliceImage image) {
        return Math.PI * radiusX * radiusY * image.pixelAreaMm2();
    }

    public boolean containsCentre(double x, double y) {
        double u = (x - centreX) / radiusX;
        double v = (y - centreY) / radiusY;
        return u * u + v * v <= 1;
    }

    public PixelStats stats(SliceImage image) {
        PixelStats.Accumulator acc = new PixelStats.Accumulator();
        int i0 = Math.max(0, (int) Math.floor(centreX - radiusX));
        int i1 = Math.min(image.width() - 1, (int) Math.ceil(centreX + radiusX));
        int j0 = Math.max(0, (int) Math.floor(centreY - radiusY));
        int j1 = Math.min(image.height() - 1, (int) Math.ceil(centreY + radiusY));
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
        return new RoiMeasurement("ellipse", label, areaMm2(image), stats(image), image.unit());
    }
}
