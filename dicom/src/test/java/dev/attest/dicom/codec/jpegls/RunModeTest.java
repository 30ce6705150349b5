package dev.attest.dicom.codec.jpegls;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Run mode (T.87 A.7): hand-assembled bit streams whose every bit is worked out in the comments,
 * then the edge cases an encoder reaches only with particular images (the last run codes, runs
 * cut by the line end, near-lossless runs), made with the tests' encoder.
 */
class RunModeTest {

    /** One line of {@code columns} 8-bit samples, one component, defaults, with {@code data} as its coded bits. */
    static byte[] oneLine(int columns, int... data) {
        byte[] header = Codestreams.bytes(0xFF, 0xD8,
                0xFF, 0xF7, 0x00, 0x0B, 8, 0x00, 0x01, columns >> 8, columns & 0xFF, 1, 1, 0x11, 0,
                0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0, 0);
        byte[] out = Arrays.copyOf(header, header.length + data.length + 2);
        for (int i = 0; i < data.length; i++) {
            out[header.length + i] = (byte) data[i];
        }
        out[out.length - 2] = (byte) 0xFF;
        out[out.length - 1] = (byte) 0xD9;
        return out;
    }

    @Test
    void fillsALineFromRunBitsAlone() throws JpegLsException {
        // The first line sees zeros above, so the first sample starts a run of Ra = 0. Four 1 bits
        // each add 2^J[RUNindex] = 1 sample (RUNindex 0..3): 4 samples, the whole line. 1111 0000 = F0.
        assertArrayEquals(new int[4], DecodedImage.decode(oneLine(4, 0xF0), 1, 4, 1).samples);
        // Seven samples: four blocks of 1, one of 2 (J[4] = 1), then a 1 bit for the 1 sample left,
        // fewer than the 2 its code stands for: the line ends there. 1111 11 00 = FC.
        assertArrayEquals(new int[7], DecodedImage.decode(oneLine(7, 0xFC), 1, 7, 1).samples);
    }

    @Test
    void decodesARunInterruptionThenARegularSample() throws JpegLsException {
        // Line 0 0 0 5 7:
        //  run: 1 1 1 (three samples, RUNindex 3), 0 and J[3] = 0 bits: the run stops after 3.
        //  interruption at 5: Ra = Rb = 0, so type 1, Px = Ra = 0, Errval 5; context 366 has A 4, N 1,
        //   TEMP = A + N/2 = 4, k = 2; map 0; EMErrval = 2*5 - 1 - 0 = 9 = 00 1 01 in LG(2, 31).
        //  7: Ra 5, Rb = Rc = Rd = 0, so D3 = -5, Q = -2: sign -1, context 2 (A 4, N 1, k 2);
        //   MED gives 5; Errval = -(7 - 5) = -2, mapped 3 = 1 11.
        // 1110 0010 1111 (0000) = E2 F0.
        assertArrayEquals(new int[] {0, 0, 0, 5, 7}, DecodedImage.decode(oneLine(5, 0xE2, 0xF0), 1, 5, 1).samples);
    }

    @Test
    void readsSevenBitsFromTheByteAfterAnFFByte() throws JpegLsException {
        // Twelve zeros: eight 1 bits (4 blocks of 1, 4 of 2) = FF. The encoder stuffs a 0 byte after
        // a final FF so that no marker follows it directly; the decoder must take it as 7 padding bits.
        assertArrayEquals(new int[12], DecodedImage.decode(oneLine(12, 0xFF, 0x00), 1, 12, 1).samples);
        // Thirteen columns: 8 ones (12 samples, RUNindex 8), then 0 and J[8] = 2 bits 11 = 3 more:
        // 15 samples where 13 are left. The byte after FF holds 7 bits: 0 011 0000 = 30.
        JpegLsException e = assertThrows(JpegLsException.class, () -> DecodedImage.decode(oneLine(13, 0xFF, 0x30), 1, 13, 1));
        assertEquals(JpegLsException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("run of 15 samples passes the end of the line"), e.getMessage());
    }

    @Test
    void climbsToTheLastRunCodeOnLongFlatLines() throws JpegLsException {
        // Three lines of 40000 zeros are all run: RUNindex climbs 0..31 on the first line
        // (33052 samples), the second line takes a whole block of 2^J[31] = 32768 samples, and each
        // line end costs one bit: 34 bits in all.
        int[] flat = new int[3 * 40000];
        byte[] stream = new TestEncoder(3, 40000, 1, 8).encode(flat);
        assertEquals(5, Codestreams.scanData(stream).get(0).length, "coded bytes");
        assertArrayEquals(flat, DecodedImage.decode(stream, 3, 40000, 1).samples);
        Arrays.fill(flat, 40000, 80000, 9); // and a second line that breaks the run once
        stream = new TestEncoder(3, 40000, 1, 8).encode(flat);
        assertArrayEquals(flat, DecodedImage.decode(stream, 3, 40000, 1).samples);
    }

    @Test
    void codesTheInterruptionAfterALongRunWithTheShorterGolombLimit() throws JpegLsException {
        // After a long run RUNindex is high, so the interruption sample's limit LIMIT - J[RUNindex] - 1
        // is short and noisy values take the escape code: 8 and 16 bits.
        for (int precision : new int[] {8, 16}) {
            int max = (1 << precision) - 1;
            int[] line = new int[40000];
            java.util.Random random = new java.util.Random(precision);
            for (int x = 39000; x < line.length; x++) {
                line[x] = x % 50 == 0 ? random.nextInt(max + 1) : line[x - 1];
            }
            byte[] stream = new TestEncoder(1, line.length, 1, precision).encode(line);
            assertArrayEquals(line, DecodedImage.decode(stream, 1, line.length, 1).samples, precision + " bits");
        }
    }

    @Test
    void continuesNearLosslessRunsWhileSamplesStayWithinNear() throws JpegLsException {
        int[] image = new int[16 * 64];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < image.length; i++) {
            image[i] = 100 + random.nextInt(7) - 3; // within NEAR 3 of 100 everywhere...
        }
        image[5 * 64 + 40] = 180; // ...but here
        TestEncoder encoder = new TestEncoder(16, 64, 1, 8).near(3);
        byte[] stream = encoder.encode(image);
        int[] decoded = DecodedImage.decode(stream, 16, 64, 1).samples;
        assertArrayEquals(encoder.reconstructed(), decoded);
        for (int i = 0; i < image.length; i++) {
            assertTrue(Math.abs(decoded[i] - image[i]) <= 3, "sample " + i);
        }
    }

    @Test
    void runsThroughWholePixelsWhenInterleavedBySample() throws JpegLsException {
        // Runs need all three components flat; a pixel where one component changes interrupts them.
        int[] image = new int[9 * 50 * 3];
        for (int i = 0; i < image.length; i += 3) {
            image[i] = 10;
            image[i + 1] = 20;
            image[i + 2] = 30;
        }
        image[(4 * 50 + 17) * 3 + 1] = 99;
        image[(6 * 50 + 49) * 3 + 2] = 0; // interrupts in the last column
        for (int mode = 0; mode <= 2; mode++) {
            byte[] stream = new TestEncoder(9, 50, 3, 8).interleave(mode).encode(image);
            assertArrayEquals(image, DecodedImage.decode(stream, 9, 50, 3).samples, "interleave " + mode);
        }
    }

    @Test
    void decodesSingleColumnAndSingleRowImagesInEveryMode() throws JpegLsException {
        for (int mode = 0; mode <= 2; mode++) {
            int[] column = Codestreams.image(23, 1, 3, 12, mode);
            assertArrayEquals(column, DecodedImage.decode(new TestEncoder(23, 1, 3, 12).interleave(mode).encode(column), 23, 1, 3).samples);
            int[] row = Codestreams.image(1, 23, 3, 12, mode + 10);
            assertArrayEquals(row, DecodedImage.decode(new TestEncoder(1, 23, 3, 12).interleave(mode).encode(row), 1, 23, 3).samples);
        }
    }
}
