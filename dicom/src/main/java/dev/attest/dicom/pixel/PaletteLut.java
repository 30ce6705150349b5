package dev.attest.dicom.pixel;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The Palette Color Lookup Tables of a PALETTE COLOR image (PS3.3 C.7.6.3.1.5, C.7.6.3.1.6 and
 * C.7.9.2): maps the stored indices {@link PixelDecoder} returns to 8- or 16-bit RGB for display.
 * Immutable and thread-safe.
 */
public final class PaletteLut {
    private static final int[] DESCRIPTORS = {Tag.RedPaletteColorLookupTableDescriptor,
            Tag.GreenPaletteColorLookupTableDescriptor, Tag.BluePaletteColorLookupTableDescriptor};
    private static final int[] DATA = {Tag.RedPaletteColorLookupTableData,
            Tag.GreenPaletteColorLookupTableData, Tag.BluePaletteColorLookupTableData};
    private static final int[] SEGMENTED = {Tag.SegmentedRedPaletteColorLookupTableData,
            Tag.SegmentedGreenPaletteColorLookupTableData, Tag.SegmentedBluePaletteColorLookupTableData};

    /** One channel: its first mapped stored value and its entries. */
    private record Channel(int firstMapped, int[] entries) {
        int lookup(long stored) {
            long i = stored - firstMapped;
            return entries[(int) Math.max(0, Math.min(entries.length - 1, i))];
        }
    }

    private final Channel[] channels;
    private final int bits;

    private PaletteLut(Channel[] channels, int bits) {
        this.channels = channels;
        this.bits = bits;
    }

    public static PaletteLut of(DicomFile file) throws PixelDataException {
        return of(file.source(), file.dataset());
    }

    /**
     * Reads the three tables of {@code ds}.
     *
     * @throws PixelDataException naming the tag when a descriptor or table is missing or
     *                            malformed (wrong length, bad segment, too few entries)
     */
    public static PaletteLut of(String source, DicomDataset ds) throws PixelDataException {
        Channel[] channels = new Channel[3];
        int bits = 8;
        boolean signed = ds.getInt(Tag.PixelRepresentation, 0) == 1;
        for (int c = 0; c < 3; c++) {
            int[] desc = ds.getInts(DESCRIPTORS[c]);
            if (desc == null || desc.length < 3) {
                throw new PixelDataException(source, PixelDescription.name(DESCRIPTORS[c])
                        + " is missing or has fewer than 3 values; a PALETTE COLOR image needs it");
            }
            int entries = desc[0] & 0xFFFF;
            if (entries == 0) {
                entries = 65536; // the count does not fit 16 bits, so the standard writes 0 for it
            }
            int first = desc[1];
            // The descriptor is "US or SS": its sign follows Pixel Representation, whatever VR it was read with.
            if (signed && first > Short.MAX_VALUE) {
                first -= 65536;
            } else if (!signed && first < 0) {
                first += 65536;
            }
            int nominal = desc[2];
            if (nominal != 8 && nominal != 16) {
                throw new PixelDataException(source, PixelDescription.name(DESCRIPTORS[c]) + " gives " + nominal
                        + " bits per entry; it must be 8 or 16");
            }
            int[] table;
            int width;
            byte[] plain = ds.getBytes(DATA[c]);
            byte[] segmented = ds.getBytes(SEGMENTED[c]);
            if (plain != null) {
                // 16-bit output only when the entries are 16-bit both nominally and as stored.
                width = nominal == 16 && plain.length >= 2L * entries ? 16 : 8;
                table = plainTable(source, DATA[c], plain, entries, nominal, ds.byteOrder());
            } else if (segmented != null) {
                width = nominal;
                table = SegmentedLut.expand(source, SEGMENTED[c], units(segmented, nominal, ds.byteOrder()), nominal / 8, entries);
            } else {
                throw new PixelDataException(source, "neither " + PixelDescription.name(DATA[c]) + " nor "
                        + PixelDescription.name(SEGMENTED[c]) + " is present; a PALETTE COLOR image needs one of them");
            }
            bits = Math.max(bits, width);
            channels[c] = new Channel(first, table);
        }
        return new PaletteLut(channels, bits);
    }

    /**
     * Entries of a plain table: one per 16-bit word, or for 8-bit tables one per byte (PS3.3
     * C.7.6.3.1.5 asks for 8 bits allocated), which in a big-endian OW value come swapped in pairs.
     */
    private static int[] plainTable(String source, int tag, byte[] data, int entries, int nominal, ByteOrder order)
            throws PixelDataException {
        int[] table = new int[entries];
        if (data.length >= 2L * entries) {
            ByteBuffer b = ByteBuffer.wrap(data).order(order);
            boolean leftAligned = false;
            for (int i = 0; i < entries; i++) {
                table[i] = Short.toUnsignedInt(b.getShort(2 * i));
                leftAligned |= nominal == 8 && table[i] > 255;
            }
            if (leftAligned) {
                // 8-bit entries written one per word: some writers put them in the high byte.
                for (int i = 0; i < entries; i++) {
                    table[i] >>>= 8;
                }
            }
            return table;
        }
        if (data.length >= entries) {
            for (int i = 0; i < entries; i++) {
                int at = order == ByteOrder.BIG_ENDIAN ? i ^ 1 : i;
                table[i] = at < data.length ? data[at] & 0xFF : 0;
            }
            return table;
        }
        throw new PixelDataException(source, PixelDescription.name(tag) + " holds " + data.length + " bytes, too few for "
                + entries + " entries of " + nominal + " bits");
    }

    /** Segmented data as unsigned units: 16-bit words, or bytes for 8-bit tables (as pydicom reads them). */
    private static int[] units(byte[] data, int nominal, ByteOrder order) {
        if (nominal == 8) {
            int[] out = new int[data.length];
            for (int i = 0; i < data.length; i++) {
                out[i] = data[i] & 0xFF;
            }
            return out;
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(order);
        int[] out = new int[data.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = Short.toUnsignedInt(b.getShort(2 * i));
        }
        return out;
    }

    /** Bits of each output sample: 8 when every table has 8-bit entries, else 16. */
    public int bitsPerEntry() {
        return bits;
    }

    /** Number of entries of channel {@code c} (0 red, 1 green, 2 blue). */
    public int entries(int c) {
        return channels[c].entries().length;
    }

    /** The stored value mapped to the first entry of channel {@code c}. */
    public int firstMapped(int c) {
        return channels[c].firstMapped();
    }

    /**
     * The colour of stored value {@code stored} in channel {@code c}: values below the first
     * mapped one take the first entry, values past the last entry take the last.
     */
    public int lookup(int c, long stored) {
        return channels[c].lookup(stored);
    }

    /** Maps single-sample indices to RGB: uint8 or uint16 per {@link #bitsPerEntry()}, same frames and size. */
    public StoredPixels apply(StoredPixels indices) {
        if (indices.samplesPerPixel() != 1 || indices.dtype().floating()) {
            throw new IllegalArgumentException("palette indices are single-sample integers, not "
                    + indices.samplesPerPixel() + " " + indices.dtypeName() + " sample(s)");
        }
        int n = indices.size();
        PixelDtype type = bits == 8 ? PixelDtype.UINT8 : PixelDtype.UINT16;
        Object out = type.allocate(Math.multiplyExact(n, 3));
        if (out instanceof byte[] rgb) {
            for (int i = 0; i < n; i++) {
                long stored = (long) indices.value(i);
                for (int c = 0; c < 3; c++) {
                    rgb[3 * i + c] = (byte) channels[c].lookup(stored);
                }
            }
        } else {
            short[] rgb = (short[]) out;
            for (int i = 0; i < n; i++) {
                long stored = (long) indices.value(i);
                for (int c = 0; c < 3; c++) {
                    rgb[3 * i + c] = (short) channels[c].lookup(stored);
                }
            }
        }
        return new StoredPixels(type, indices.frames(), indices.rows(), indices.columns(), 3, "RGB", false, out);
    }
}
