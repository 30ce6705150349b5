package dev.attest.dicom.pixel;

import java.util.Objects;

/**
 * Decoded stored pixel values of one frame or of all frames of an image, before any rescale or
 * LUT: a primitive array of the natural numpy dtype laid out (frames, rows, columns, samples).
 *
 * @param dtype            the value type; {@code array} is the array {@link PixelDtype#allocate} makes for it
 * @param frames           frames held, one after the other
 * @param rows             rows per frame
 * @param columns          columns per frame
 * @param samplesPerPixel  interleaved samples per pixel (3 for colour, 1 for grey and palette indices)
 * @param photometric      photometric interpretation of these values: the file's, except "RGB" when
 *                         YBR was converted (by Attest, or inside a codec such as JPEG's own colour
 *                         transform); MONOCHROME1 is left as stored for the viewer to invert,
 *                         PALETTE COLOR values are indices for {@link PaletteLut}
 * @param convertedFromYbr whether Attest converted YBR_FULL / YBR_FULL_422 / YBR_PARTIAL_422 samples
 *                         to RGB (PS3.3 C.7.6.3.1.2) to give these values, which then differ from
 *                         other decoders' by rounding; false when a codec's own transform did it
 * @param array            the values: byte[], short[], int[], long[], float[] or double[]; unsigned
 *                         types are held in the signed Java type of the same width
 */
public record StoredPixels(PixelDtype dtype, int frames, int rows, int columns, int samplesPerPixel,
                           String photometric, boolean convertedFromYbr, Object array) {

    public StoredPixels {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(array, "array");
        if (!dtype.holds(array)) {
            throw new IllegalArgumentException(dtype.dtypeName() + " values cannot be held in a " + array.getClass().getSimpleName());
        }
        long size = (long) frames * rows * columns * samplesPerPixel;
        if (PixelDtype.length(array) != size) {
            throw new IllegalArgumentException("array of " + PixelDtype.length(array) + " values for " + frames + " × "
                    + rows + " × " + columns + " × " + samplesPerPixel);
        }
    }

    /** The numpy dtype name ("uint8", "int16", "float32", ...) of the values. */
    public String dtypeName() {
        return dtype.dtypeName();
    }

    /** Number of values: frames × rows × columns × samples. */
    public int size() {
        return PixelDtype.length(array);
    }

    /**
     * The shape numpy gives the same array: (frames,) rows, columns (, samples), the frame axis
     * only when there is more than one frame and the sample axis only for more than one sample.
     */
    public int[] shape() {
        int[] full = {frames, rows, columns, samplesPerPixel};
        int from = frames > 1 ? 0 : 1;
        int to = samplesPerPixel > 1 ? 4 : 3;
        return java.util.Arrays.copyOfRange(full, from, to);
    }

    /** The values as little-endian bytes, exactly what {@code numpy.ndarray.tobytes()} of the reference gives. */
    public byte[] toLittleEndianBytes() {
        return dtype.toLittleEndianBytes(array);
    }

    /** Value {@code i} widened to a double, unsigned types read as unsigned. */
    public double value(int i) {
        return switch (array) {
            case byte[] a -> dtype.signed() ? a[i] : a[i] & 0xFF;
            case short[] a -> dtype.signed() ? a[i] : a[i] & 0xFFFF;
            case int[] a -> dtype.signed() ? a[i] : Integer.toUnsignedLong(a[i]);
            case long[] a -> dtype.signed() ? (double) a[i] : unsignedToDouble(a[i]);
            case float[] a -> a[i];
            case double[] a -> a[i];
            default -> throw new IllegalStateException("not a pixel array");
        };
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2 + (v & 1);
    }

    public byte[] bytes() {
        return (byte[]) array;
    }

    public short[] shorts() {
        return (short[]) array;
    }

    public int[] ints() {
        return (int[]) array;
    }

    public long[] longs() {
        return (long[]) array;
    }

    public float[] floats() {
        return (float[]) array;
    }

    public double[] doubles() {
        return (double[]) array;
    }
}
