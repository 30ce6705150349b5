package dev.attest.viewer.mpr;

import dev.attest.core.geometry.Vec3;
import java.util.Objects;

/**
 * A 2D slice of a volume: width × height square pixels of {@code pixelMm}, physical values row by
 * row (NaN outside the volume), where each pixel lies in the patient and the unit of its values.
 * It is both what the reslicer produces and what regions of interest are measured on. Pixel
 * (u, v) = (column, row) has its centre at pixel coordinates (u, v), as in DICOM. The values are
 * not copied: a slice can be large and is read, never written, by the views and measurements.
 *
 * @param firstPixel LPS position of the centre of pixel (0, 0), the top-left one
 * @param unit       unit of the values ("HU", "" when unknown), shown next to measurements
 */
public record SliceImage(int width, int height, double pixelMm, float[] values, ViewPlane plane, Vec3 firstPixel,
        String unit) {

    /** The volume property naming the unit of its physical values; absent means unknown (""). */
    public static final String UNIT_PROPERTY = "unit";

    public SliceImage {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(plane, "plane");
        Objects.requireNonNull(firstPixel, "firstPixel");
        unit = unit == null ? "" : unit;
        if (width <= 0 || height <= 0 || (long) width * height != values.length) {
            throw new IllegalArgumentException(width + " x " + height + " pixels need as many values, got " + values.length);
        }
        if (!(pixelMm > 0)) {
            throw new IllegalArgumentException("pixel size must be positive, got " + pixelMm);
        }
    }

    /** A slice whose values have no known unit. */
    public SliceImage(int width, int height, double pixelMm, float[] values, ViewPlane plane, Vec3 firstPixel) {
        this(width, height, pixelMm, values, plane, firstPixel, "");
    }

    /** Returns the value of pixel (u, v) = (column, row). */
    public float value(int u, int v) {
        Objects.checkIndex(u, width);
        Objects.checkIndex(v, height);
        return values[v * width + u];
    }

    /** Area of one pixel in mm². */
    public double pixelAreaMm2() {
        return pixelMm * pixelMm;
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
