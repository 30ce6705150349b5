package dev.attest.viewer.render;

/**
 * A 2D slice of physical values (row-major, width x height, NaN outside the volume) with its
 * pixel size: {@code columnSpacingMm} is the width of a pixel (along a row), {@code rowSpacingMm}
 * its height. Pixel (i, j) has its centre at image coordinates (i, j), as in DICOM. The values
 * are not copied: a slice can be large and is read, never written, here.
 */
public record SliceImage(float[] values, int width, int height, double columnSpacingMm, double rowSpacingMm,
        String unit) {

    public SliceImage {
        if (width < 0 || height < 0 || (long) width * height != values.length) {
            throw new IllegalArgumentException(values.length + " values do not fill " + width + " x " + height);
        }
        if (!(columnSpacingMm > 0) || !(rowSpacingMm > 0)) {
            throw new IllegalArgumentException("pixel spacing must be positive: " + columnSpacingMm + " x " + rowSpacingMm);
        }
    }

    public double pixelAreaMm2() {
        return columnSpacingMm * rowSpacingMm;
    }

    public float value(int i, int j) {
        return values[j * width + i];
    }
}
