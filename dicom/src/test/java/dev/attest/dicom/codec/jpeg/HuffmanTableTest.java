package dev.attest.dicom.codec.jpeg;

import dev.attest.dicom.pixel.PixelDataException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Building canonical Huffman codes (T.81 Annex C) and decoding them through the bit reader. */
class HuffmanTableTest {
    private static final FrameOrigin ORIGIN = new FrameOrigin("test.dcm", 0);

    /** Table K.3: the luminance DC table of the JPEG examples, categories 0 to 11. */
    private static HuffmanTable luminanceDc() throws PixelDataException {
        int[] counts = {0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0};
        int[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        return new HuffmanTable(counts, values, ORIGIN);
    }

    /** Reads the bits of {@code code} (a string of 0 and 1), padded with ones, and decodes one value. */
    private static int[] decode(HuffmanTable t, String code) throws PixelDataException {
        String padded = code + "1".repeat((8 - code.length() % 8) % 8 + 16);
        byte[] bytes = new byte[padded.length() / 8];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(padded.substring(8 * i, 8 * i + 8), 2);
        }
        // Stuff the 0xFF bytes as an encoder would (F.1.2.3).
        ByteArrayOutputStream stuffed = new ByteArrayOutputStream();
        for (byte b : bytes) {
            stuffed.write(b);
            if (b == (byte) 0xFF) {
                stuffed.write(0);
            }
        }
        byte[] data = stuffed.toByteArray();
        BitReader r = new BitReader(data, 0, data.length, ORIGIN);
        r.fill();
        int before = r.bits;
        int value = r.decode(t);
        return new int[] {value, before - r.bits};
    }

    @Test
    void assignsTheCanonicalCodesOfTableK3() throws PixelDataException {
        HuffmanTable dc = luminanceDc();
        String[] codes = {"00", "010", "011", "100", "101", "110", "1110", "11110", "111110", "1111110",
                "11111110", "111111110"};
        for (int category = 0; category < codes.length; category++) {
            int[] got = decode(dc, codes[category]);
            assertEquals(category, got[0], "value of code " + codes[category]);
            assertEquals(codes[category].length(), got[1], "bits used by code " + codes[category]);
        }
        assertEquals(11, dc.maxValue);
    }

    @Test
    void decodesCodesLongerThanTheLookupThroughTheirLengths() throws PixelDataException {
        // One code of each length: 0, 10, 110, ..., fifteen ones then a zero (16 bits); the
        // all-ones 16-bit pattern stays unassigned.
        int[] counts = new int[16];
        int[] values = new int[16];
        for (int i = 0; i < 16; i++) {
            counts[i] = 1;
            values[i] = 100 + i;
        }
        HuffmanTable t = new HuffmanTable(counts, values, ORIGIN);
        for (int len = 1; len <= 16; len++) {
            String code = "1".repeat(len - 1) + "0";
            int[] got = decode(t, code);
            assertEquals(100 + len - 1, got[0], "code of length " + len);
            assertEquals(len, got[1]);
        }
        assertEquals((9 << 8) | 108, t.fast[0b111111110], "the 9-bit code sits in the lookup");
        assertEquals(0, t.fast[0b111111111], "longer codes are left to the slow path");
    }

    @Test
    void rejectsAnUnassignedCode() throws PixelDataException {
        HuffmanTable t = new HuffmanTable(new int[] {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new int[] {5, 6}, ORIGIN);
        PixelDataException e = assertThrows(PixelDataException.class, () -> decode(t, "11"));
        assertTrue(e.getMessage().contains("test.dcm") && e.getMessage().contains("JPEG frame 0")
                && e.getMessage().contains("invalid Huffman code 1111111111111111"), e.getMessage());
    }

    @Test
    void rejectsMoreCodesThanTheLengthsHold() {
        int[] threeOfLengthOne = {3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        PixelDataException e = assertThrows(PixelDataException.class,
                () -> new HuffmanTable(threeOfLengthOne, new int[] {1, 2, 3}, ORIGIN));
        assertTrue(e.getMessage().contains("more codes of length 1"), e.getMessage());
        int[] twoHundredFiftySeven = new int[16];
        twoHundredFiftySeven[15] = 257;
        e = assertThrows(PixelDataException.class, () -> new HuffmanTable(twoHundredFiftySeven, new int[257], ORIGIN));
        assertTrue(e.getMessage().contains("257 codes"), e.getMessage());
    }

    @Test
    void resolvesALosslessDifferenceAndItsExtraBitsInOneLookup() throws PixelDataException {
        HuffmanTable dc = luminanceDc();
        int[] lookup = dc.differenceLookup();
        // Category 3 (code 100) then 010: 2 is below 4, so the difference is 2 - 7 = -5 (F.2.2.1 EXTEND).
        assertEquals((-5 << 8) | 6, lookup[0b100010_000000]);
        // Category 3 then 101: +5.
        assertEquals((5 << 8) | 6, lookup[0b100101_000000]);
        // Category 11 (9-bit code) + 11 extra bits does not fit 12 bits: left to the general path.
        assertEquals(0, lookup[0b111111110_000]);
    }

    @Test
    void resolvesAShortAcCodeAndItsCoefficientInOneLookup() throws PixelDataException {
        // Two AC values: 0x01 (run 0, size 1) coded 0, and 0x23 (run 2, size 3) coded 10; EOB 0x00 coded 110.
        HuffmanTable ac = new HuffmanTable(new int[] {1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                new int[] {0x01, 0x23, 0x00}, ORIGIN);
        int[] lookup = ac.coefficientLookup();
        assertEquals((-1 << 8) | (0 << 4) | 2, lookup[0b00_0000000]);
        assertEquals((1 << 8) | (0 << 4) | 2, lookup[0b01_0000000]);
        assertEquals((6 << 8) | (2 << 4) | 5, lookup[0b10110_0000]);
        assertEquals(0, lookup[0b110_000000], "end of block is not a coefficient");
    }
}
