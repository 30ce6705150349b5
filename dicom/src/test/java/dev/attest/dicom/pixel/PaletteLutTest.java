package dev.attest.dicom.pixel;

import dev.attest.dicom.TestData;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.Tag;
import dev.attest.dicom.Vr;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Palette Color Lookup Tables. The sha256 references were produced with Debian's pydicom 2.3:
 * {@code /usr/bin/python3 -c "import pydicom, hashlib; from pydicom.pixel_data_handlers.util import
 * apply_color_lut; ds = pydicom.dcmread(F); print(hashlib.sha256(apply_color_lut(ds.pixel_array,
 * ds).astype('<u2').tobytes()).hexdigest())"} (all three give uint16 RGB, shape rows × columns × 3).
 */
class PaletteLutTest {

    @Test
    void expandsTheSegmentedSixteenBitPaletteOfAlokaUltrasoundLikePydicom() throws IOException {
        assertRgbSha("dicom-codecs/pydicom-data/gdcm-US-ALOKA-16.dcm", 16,
                "080bc76069a7aff6fee77dcc6887788750d662e8cd283ae91cba8558b02fa7c1");
    }

    @Test
    void mapsTheExamplesPaletteLikePydicom() throws IOException {
        assertRgbSha("dicom-codecs/pydicom/examples_palette.dcm", 16,
                "6c168741cfbeaf8a0c9be0f43c3e5f62dc2ef49fe06cd3054f906f8dfffa3c90");
    }

    @Test
    void mapsTheObstetricUltrasoundPaletteLikePydicom() throws IOException {
        assertRgbSha("dicom-codecs/pydicom-data/OBXXXX1A.dcm", 16,
                "1d7c5b0e13324650464e173f83cbbb1054761cf6427fcb9eb4574df1263eb5c0");
    }

    @Test
    void expandsDiscreteLinearAndIndirectSegments() throws PixelDataException {
        // A: discrete 10 20 30 (unit 0); B: linear to 70 over 4 (unit 5); C: replay 2 segments from byte 0.
        int[] words = {0, 3, 10, 20, 30, 1, 4, 70, 2, 2, 0, 0};
        PaletteLut lut = PaletteLut.of("seg.dcm", segmented(14, 0, words));
        assertArrayEquals(new int[] {10, 20, 30, 40, 50, 60, 70, 10, 20, 30, 40, 50, 60, 70}, table(lut, 14));
        // Byte offset 10 is unit 5, segment B, replayed from the last value 70 to 70.
        int[] byByteOffset = {0, 3, 10, 20, 30, 1, 4, 70, 2, 1, 10, 0};
        assertArrayEquals(new int[] {10, 20, 30, 40, 50, 60, 70, 70, 70, 70, 70},
                table(PaletteLut.of("seg.dcm", segmented(11, 0, byByteOffset)), 11));
    }

    @Test
    void roundsLinearSegmentTiesToEvenAsTheReferenceDoes() throws PixelDataException {
        // 0 → 1 over 2 entries: 0.5 rounds to 0, then 1; 1 → 4 over 2: 2.5 rounds to 2, then 4.
        int[] words = {0, 1, 0, 1, 2, 1, 1, 2, 4};
        assertArrayEquals(new int[] {0, 0, 1, 2, 4}, table(PaletteLut.of("lin.dcm", segmented(5, 0, words)), 5));
    }

    @Test
    void readsZeroEntriesAs65536AndClampsStoredValuesOutsideTheTable() throws PixelDataException {
        int[] identity = {0, 1, 0, 1, 65535, 65535};
        PaletteLut lut = PaletteLut.of("big.dcm", segmented(0, 0, identity));
        assertEquals(65536, lut.entries(0));
        assertEquals(12345, lut.lookup(0, 12345));
        assertEquals(65535, lut.lookup(0, 70000));
        PaletteLut offset = PaletteLut.of("first.dcm", segmented(3, 100, new int[] {0, 3, 5, 6, 7}));
        assertEquals(5, offset.lookup(1, 50));
        assertEquals(6, offset.lookup(1, 101));
        assertEquals(7, offset.lookup(1, 500));
    }

    @Test
    void readsTheFirstMappedValueOfASignedImageAsSigned() throws PixelDataException {
        DicomDataset ds = segmented(3, 65436, new int[] {0, 3, 5, 6, 7});
        ds.setInts(Tag.PixelRepresentation, Vr.US, 1);
        PaletteLut lut = PaletteLut.of("signed.dcm", ds);
        assertEquals(-100, lut.firstMapped(2));
        assertEquals(6, lut.lookup(2, -99));
    }

    @Test
    void readsEightBitEntriesPackedTwoPerWordOrOnePerWord() throws PixelDataException {
        DicomDataset packed = plain(4, 8, new byte[] {1, 2, 3, 4}, ByteOrder.LITTLE_ENDIAN);
        PaletteLut lut = PaletteLut.of("packed.dcm", packed);
        assertEquals(8, lut.bitsPerEntry());
        assertArrayEquals(new int[] {1, 2, 3, 4}, table(lut, 4));
        // Big endian OW swaps each word, so entries 1 2 3 4 are stored 2 1 4 3.
        DicomDataset bigEndian = plain(4, 8, new byte[] {2, 1, 4, 3}, ByteOrder.BIG_ENDIAN);
        assertArrayEquals(new int[] {1, 2, 3, 4}, table(PaletteLut.of("be.dcm", bigEndian), 4));
        DicomDataset words = plain(4, 8, new byte[] {1, 0, 2, 0, 3, 0, (byte) 255, 0}, ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(new int[] {1, 2, 3, 255}, table(PaletteLut.of("words.dcm", words), 4));
        DicomDataset highByte = plain(4, 8, new byte[] {0, 1, 0, 2, 0, 3, 0, (byte) 255}, ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(new int[] {1, 2, 3, 255}, table(PaletteLut.of("high.dcm", highByte), 4));
        StoredPixels indices = new StoredPixels(PixelDtype.UINT8, 1, 1, 2, 1, "PALETTE COLOR", false, new byte[] {0, 3});
        StoredPixels rgb = PaletteLut.of("packed.dcm", packed).apply(indices);
        assertEquals("uint8", rgb.dtypeName());
        assertArrayEquals(new byte[] {1, 1, 1, 4, 4, 4}, rgb.bytes());
    }

    @Test
    void rejectsMalformedSegmentedTables() {
        assertPaletteError(segmented(4, 0, new int[] {1, 4, 7}), "starts with a linear segment");
        assertPaletteError(segmented(4, 0, new int[] {0, 1, 5, 3, 1, 1}), "unknown segment opcode 3");
        assertPaletteError(segmented(4, 0, new int[] {0, 2, 5, 6, 2, 1, 3, 0}), "not the start of an earlier segment");
        assertPaletteError(segmented(4, 0, new int[] {0, 2, 5, 6}), "expands to 2 entries but its descriptor declares 4");
        assertPaletteError(segmented(4, 0, new int[] {0, 9, 5, 6}), "ends in the middle of a segment");
        assertPaletteError(segmented(4, 0, new int[] {0, 1, 5, 2, 5, 0, 0}), "replays 5 segments, more than precede it");
        assertPaletteError(plain(4, 16, new byte[] {1, 2, 3}, ByteOrder.LITTLE_ENDIAN), "holds 3 bytes, too few for 4 entries");
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static void assertRgbSha(String relative, int bits, String sha) throws IOException {
        var file = TestData.read(relative);
        StoredPixels indices = PixelDecoder.open(file).decodeAll();
        assertEquals("PALETTE COLOR", indices.photometric());
        PaletteLut lut = PaletteLut.of(file);
        StoredPixels rgb = lut.apply(indices);
        assertEquals(bits, lut.bitsPerEntry());
        assertArrayEquals(new int[] {indices.rows(), indices.columns(), 3}, rgb.shape());
        assertEquals(sha, TestData.sha256(rgb.toLittleEndianBytes()));
    }

    private static void assertPaletteError(DicomDataset ds, String expected) {
        PixelDataException e = assertThrows(PixelDataException.class, () -> PaletteLut.of("bad.dcm", ds));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.dcm"), e.getMessage());
    }

    private static int[] table(PaletteLut lut, int entries) {
        int[] out = new int[entries];
        for (int i = 0; i < entries; i++) {
            out[i] = lut.lookup(0, lut.firstMapped(0) + i);
            assertEquals(out[i], lut.lookup(1, lut.firstMapped(1) + i));
            assertEquals(out[i], lut.lookup(2, lut.firstMapped(2) + i));
        }
        return out;
    }

    /** The same 16-bit segmented table in all three channels. */
    private static DicomDataset segmented(int entries, int firstMapped, int[] words) {
        DicomDataset ds = new DicomDataset();
        ByteBuffer b = ByteBuffer.allocate(2 * words.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            b.putShort((short) w);
        }
        for (int c = 0; c < 3; c++) {
            ds.setInts(Tag.RedPaletteColorLookupTableDescriptor + c, Vr.US, entries, firstMapped, 16);
            ds.setBytes(Tag.SegmentedRedPaletteColorLookupTableData + c, Vr.OW, b.array());
        }
        return ds;
    }

    private static DicomDataset plain(int entries, int bits, byte[] data, ByteOrder order) {
        DicomDataset ds = new DicomDataset(order == ByteOrder.BIG_ENDIAN);
        for (int c = 0; c < 3; c++) {
            ds.setInts(Tag.RedPaletteColorLookupTableDescriptor + c, Vr.US, entries, 0, bits);
            ds.setBytes(Tag.RedPaletteColorLookupTableData + c, Vr.OW, data);
        }
        return ds;
    }
}
