package dev.attest.dicom.deid;

/**
 * A rectangle of pixels to blank, in image columns and rows from the top-left pixel, applied to
 * every frame.
 *
 * @param x      first column
 * @param y      first row
 * @param width  columns, at least 1
 * @param height rows, at least 1
 */
public record PixelRect(int x, int y, int width, int height) {
    public PixelRect {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("a pixel rectangle needs x, y >= 0 and width, height >= 1; got x=" + x
                    + " y=" + y + " width=" + width + " height=" + height);
        }
    }

    @Override
    public String toString() {
        return x + "," + y + " " + width + "x" + height;
    }
}
