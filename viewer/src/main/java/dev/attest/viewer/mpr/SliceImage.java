package dev.attest.viewer.mpr;

import dev.attest.core.geometry.Vec3;
import java.util.Objects;

/**
 * A resliced 2D image: width × height square pixels of {@code pixelMm}, physical values row by row
 * (NaN outside the volume), and where each pixel lies in the patient.
 *
 * @param firstPixel LPS position of the centre of pixel (0, 0), the top-left one
 */
public record SliceImage(int width, int height, double pixelMm, float[] values, ViewPlane plane, Vec3 firstPixel) {

    public SliceImage {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(plane, "plane");
        Objects.requireNonNull(firstPixel, "firstPixel");
        if (width <= 0 || height <= 0 || values.length != width * height) {
            throw new IllegalArgumentException(width + " x " + height + " pixels need as many values, got " + values.length);
        }
        if (!(pixelMm > 0)) {
            throw new IllegalArgumentException("pixel size must be positive, got " + pixelMm);
        }
    }

    /** Returns the value of pixel (u, v) = (column, row). */
    public float value(int u, int v) {
        Objects.checkIndex(u, width);
        Objects.checkIndex(v, height);
        return values[v * width + u];
    }

    /** Maps a (possibly fractional) pixel position, in pixel-centre coordinates, to LPS. */
    public Vec3 pixelToLps(double u, double v) {
        return firstPixel.add(plane.right().scale(u * pixelMm)).add(plane.down().scale(v * pixelMm));
    }

    /**
     * Maps an LPS point to (u, v, distance from the plane along its normal in mm); the point lies
     * on the image where the third value is 0.
     */
    public Vec3 lpsToPixel(Vec3 p) {
        Vec3 d = p.sub(firstPixel);
        return new Vec3(d.dot(plane.right()) / pixelMm, d.dot(plane.down()) / pixelMm, d.dot(plane.normal()));
    }
}
