package dev.attest.dicom.pixel;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomElement;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TagDictionary;

import java.util.Locale;

/**
 * What the stored pixel values of an image are: size, sample layout, bit depth, signedness and
 * colour model, read from the Image Pixel attributes (PS3.3 C.7.6.3) and checked before anything
 * is decoded.
 *
 * @param rows                Rows (0028,0010)
 * @param columns             Columns (0028,0011)
 * @param samplesPerPixel     Samples per Pixel (0028,0002): 1, 3 or 4
 * @param bitsAllocated       Bits Allocated (0028,0100): 1, 8, 16, 32 or 64
 * @param bitsStored          Bits Stored (0028,0101); equal to bits allocated for float data
 * @param highBit             High Bit (0028,0102); bits stored - 1 when the file omits it
 * @param pixelRepresentation Pixel Representation (0028,0103): 0 unsigned, 1 two's complement
 * @param planarConfiguration Planar Configuration (0028,0006): 0 interleaved, 1 one plane per sample
 * @param photometric         Photometric Interpretation (0028,0004), e.g. "MONOCHROME2", "YBR_FULL_422"
 * @param numberOfFrames      Number of Frames (0028,0008); 1 when absent
 * @param sampleKind          integer (Pixel Data) or float (Float / Double Float Pixel Data)
 */
public record PixelDescription(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored,
                               int highBit, int pixelRepresentation, int planarConfiguration, String photometric,
                               int numberOfFrames, SampleKind sampleKind) {

    /** Java arrays cannot be longer than this; a frame must fit in one. */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /**
     * Reads and checks the description of {@code file}'s pixel data. For native pixel data it also
     * checks that the element holds every frame, so no decoder allocates for data that is not there.
     *
     * @throws PixelDataException naming the file, the tag and the bad value when an attribute is
     *                            missing or invalid, when the sizes overflow, or when native pixel
     *                            data is shorter than the description needs
     */
    public static PixelDescription of(DicomFile file) throws PixelDataException {
        String src = file.source();
        DicomElement pixels = file.pixelData().orElseThrow(() -> new PixelDataException(src,
                "the data set has no Pixel Data (7FE0,0010), Float Pixel Data (7FE0,0008) or Double Float Pixel Data (7FE0,0009)"));
        DicomDataset ds = file.dataset();
        SampleKind kind = switch (pixels.tag()) {
            case Tag.FloatPixelData -> SampleKind.FLOAT32;
            case Tag.DoubleFloatPixelData -> SampleKind.FLOAT64;
            default -> SampleKind.INTEGER;
        };
        int rows = required(src, ds, Tag.Rows);
        int columns = required(src, ds, Tag.Columns);
        checkRange(src, Tag.Rows, rows, 1, 65535);
        checkRange(src, Tag.Columns, columns, 1, 65535);
        int spp = required(src, ds, Tag.SamplesPerPixel);
        if (spp != 1 && spp != 3 && spp != 4) {
            throw invalid(src, Tag.SamplesPerPixel, Integer.toString(spp), "it must be 1, 3 or 4");
        }
        String photometric = ds.getString(Tag.PhotometricInterpretation);
        if (photometric == null || photometric.isBlank()) {
            throw missing(src, Tag.PhotometricInterpretation);
        }
        photometric = photometric.trim().toUpperCase(Locale.ROOT);
        int bitsAllocated = required(src, ds, Tag.BitsAllocated);
        int bitsStored;
        int highBit;
        int pixelRepresentation;
        if (kind == SampleKind.INTEGER) {
            if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32 && bitsAllocated != 64) {
                throw invalid(src, Tag.BitsAllocated, Integer.toString(bitsAllocated), "it must be 1, 8, 16, 32 or 64");
            }
            bitsStored = required(src, ds, Tag.BitsStored);
            checkRange(src, Tag.BitsStored, bitsStored, 1, bitsAllocated);
            Integer hb = optional(src, ds, Tag.HighBit);
            // High Bit is fully determined for image IODs (PS3.3 C.7.6.3.1.3); pydicom ignores it too.
            highBit = hb == null ? bitsStored - 1 : hb;
            checkRange(src, Tag.HighBit, highBit, bitsStored - 1, bitsAllocated - 1);
            pixelRepresentation = required(src, ds, Tag.PixelRepresentation);
            checkRange(src, Tag.PixelRepresentation, pixelRepresentation, 0, 1);
        } else {
            int expected = kind == SampleKind.FLOAT32 ? 32 : 64;
            if (bitsAllocated != expected) {
                throw invalid(src, Tag.BitsAllocated, Integer.toString(bitsAllocated),
                        Tag.toString(pixels.tag()) + " holds " + expected + "-bit floats");
            }
            bitsStored = bitsAllocated;
            highBit = bitsAllocated - 1;
            pixelRepresentation = 0;
        }
        int planar = 0;
        if (spp > 1) {
            Integer pc = optional(src, ds, Tag.PlanarConfiguration);
            planar = pc == null ? 0 : pc; // Type 1C, but often omitted by writers that only interleave
            checkRange(src, Tag.PlanarConfiguration, planar, 0, 1);
        }
        int frames = numberOfFrames(src, ds);
        PixelDescription d = new PixelDescription(rows, columns, spp, bitsAllocated, bitsStored, highBit,
                pixelRepresentation, planar, photometric, frames, kind);
        d.checkSizes(src);
        if (pixels instanceof DicomElement.Bulk bulk) {
            d.checkNativeLength(src, bulk);
        }
        return d;
    }

    // ---- derived values ----------------------------------------------------------------------

    /** Whether values are two's complement integers (never for 1-bit or float data). */
    public boolean signed() {
        return sampleKind == SampleKind.INTEGER && pixelRepresentation == 1 && bitsAllocated > 1;
    }

    /** The array type {@link StoredPixels} holds these values in. */
    public PixelDtype dtype() {
        return switch (sampleKind) {
            case FLOAT32 -> PixelDtype.FLOAT32;
            case FLOAT64 -> PixelDtype.FLOAT64;
            case INTEGER -> PixelDtype.forInteger(bitsAllocated, signed());
        };
    }

    /** Decoded samples in one frame: rows × columns × samples per pixel. */
    public int samplesPerFrame() {
        return rows * columns * samplesPerPixel;
    }

    /** Rows × columns. */
    public int pixelsPerFrame() {
        return rows * columns;
    }

    /**
     * Whether the native encoding stores two luminance samples and one pair of chrominance
     * samples per two pixels (Y1 Y2 Cb Cr, PS3.3 C.7.6.3.1.2).
     */
    public boolean horizontallySubsampled() {
        return samplesPerPixel == 3 && (photometric.equals("YBR_FULL_422") || photometric.equals("YBR_PARTIAL_422"));
    }

    /** Samples stored per pixel in native encoding: 2 for 4:2:2 subsampled YBR, else samples per pixel. */
    int nativeSamplesPerPixel() {
        return horizontallySubsampled() ? 2 : samplesPerPixel;
    }

    /** Bits one frame occupies in native (uncompressed) encoding; frames follow each other without padding. */
    public long nativeFrameBits() {
        return (long) rows * columns * nativeSamplesPerPixel() * bitsAllocated;
    }

    /** Bytes one frame occupies on its own (a compressed frame decompresses to this): bits rounded up. */
    public long nativeFrameBytes() {
        return (nativeFrameBits() + 7) / 8;
    }

    /** Whether stored integers carry their sign at High Bit below the top allocated bit (PS3.5 8.1.1). */
    boolean needsSignExtension() {
        return signed() && highBit < bitsAllocated - 1;
    }

    /** The same description for one frame of the image. */
    PixelDescription oneFrame() {
        return numberOfFrames == 1 ? this : new PixelDescription(rows, columns, samplesPerPixel, bitsAllocated,
                bitsStored, highBit, pixelRepresentation, planarConfiguration, photometric, 1, sampleKind);
    }

    // ---- checks ------------------------------------------------------------------------------

    private void checkSizes(String src) throws PixelDataException {
        long samples = (long) rows * columns * samplesPerPixel;
        if (samples > MAX_ARRAY) {
            throw new PixelDataException(src, "one frame of " + rows + " rows × " + columns + " columns × "
                    + samplesPerPixel + " samples is larger than Attest can hold in memory");
        }
        if (horizontallySubsampled() && columns % 2 != 0) {
            throw invalid(src, Tag.Columns, Integer.toString(columns), photometric + " pairs pixels, so it must be even");
        }
        try {
            Math.multiplyExact(nativeFrameBits(), (long) numberOfFrames);
        } catch (ArithmeticException e) {
            throw new PixelDataException(src, "Number of Frames " + Tag.toString(Tag.NumberOfFrames) + " " + numberOfFrames
                    + " × " + nativeFrameBits() + " bits per frame overflows");
        }
    }

    private void checkNativeLength(String src, DicomElement.Bulk bulk) throws PixelDataException {
        long needed = (nativeFrameBits() * numberOfFrames + 7) / 8;
        long present = bulk.data().remaining();
        if (present >= needed) {
            return;
        }
        String layout = rows + " rows × " + columns + " columns × " + nativeSamplesPerPixel() + " samples × "
                + bitsAllocated + " bits" + (numberOfFrames > 1 ? " × " + numberOfFrames + " frames" : "");
        if (bulk.truncated()) {
            throw new PixelDataException(src, "Pixel Data " + Tag.toString(bulk.tag()) + " is truncated: the image needs "
                    + needed + " bytes (" + layout + ") but the file ends after " + present + " of the "
                    + bulk.declaredLength() + " bytes its header declares");
        }
        throw new PixelDataException(src, "Pixel Data " + Tag.toString(bulk.tag()) + " holds " + present
                + " bytes but the image needs " + needed + " (" + layout + ")");
    }

    private static int numberOfFrames(String src, DicomDataset ds) throws PixelDataException {
        if (!ds.contains(Tag.NumberOfFrames)) {
            return 1;
        }
        String text = ds.getString(Tag.NumberOfFrames);
        if (text == null || text.isEmpty()) {
            return 1; // Type 1 in multi-frame IODs, but an empty value only ever means "one"
        }
        Integer n = optional(src, ds, Tag.NumberOfFrames);
        checkRange(src, Tag.NumberOfFrames, n, 1, Integer.MAX_VALUE);
        return n;
    }

    /** The first value of an integer attribute (US, SS, IS...), or null when absent. */
    private static Integer optional(String src, DicomDataset ds, int tag) throws PixelDataException {
        DicomElement e = ds.get(tag);
        if (e == null) {
            return null;
        }
        if (!(e instanceof DicomElement.Value)) {
            throw invalid(src, tag, "a sequence or bulk value", "it must be an integer");
        }
        if (DicomDataset.effectiveVr(e).isString()) {
            String text = ds.getString(tag);
            String first = text.contains("\\") ? text.substring(0, text.indexOf('\\')) : text;
            try {
                return Integer.parseInt(first.trim());
            } catch (NumberFormatException ex) {
                throw invalid(src, tag, "\"" + text + "\"", "it is not an integer");
            }
        }
        int[] values = ds.getInts(tag);
        if (values == null || values.length == 0) {
            return null;
        }
        return values[0];
    }

    private static int required(String src, DicomDataset ds, int tag) throws PixelDataException {
        Integer v = optional(src, ds, tag);
        if (v == null) {
            throw missing(src, tag);
        }
        return v;
    }

    private static void checkRange(String src, int tag, int value, int min, int max) throws PixelDataException {
        if (value < min || value > max) {
            throw invalid(src, tag, Integer.toString(value), "it must be between " + min + " and " + max);
        }
    }

    static String name(int tag) {
        String keyword = TagDictionary.keyword(tag);
        return (keyword == null || keyword.isEmpty() ? "" : keyword + " ") + Tag.toString(tag);
    }

    private static PixelDataException missing(String src, int tag) {
        return new PixelDataException(src, name(tag) + " is missing or empty; the pixel data cannot be decoded without it");
    }

    private static PixelDataException invalid(String src, int tag, String value, String why) {
        return new PixelDataException(src, name(tag) + " is " + value + ", which is invalid: " + why);
    }
}
