package dev.attest.dicom.codec.jpeg;

import dev.attest.dicom.DicomException;
import dev.attest.dicom.pixel.PixelDataException;
import dev.attest.dicom.pixel.StoredPixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lossless JPEG (process 14) on the fixtures of src/test/resources/jpeg: every predictor, point
 * transforms, 4- to 16-bit samples, restart intervals, interleaved and subsampled components.
 * Lossless means the values must equal the uncompressed source exactly.
 */
class LosslessJpegTest {

    @ParameterizedTest(name = "selection value {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void eachPredictorReproducesTheSixteenBitSource(int selection) throws DicomException {
        byte[] jpeg = JpegFixtures.codestream("lossless_sv" + selection + ".dcm");
        int sos = JpegFixtures.find(jpeg, JpegMarkers.SOS);
        assertEquals(selection, jpeg[sos + 7] & 0xFF, "the fixture's scan uses predictor " + selection);
        StoredPixels px = JpegFixtures.decode("lossless_sv" + selection + ".dcm");
        assertArrayEquals(JpegFixtures.decode("source_grey16.dcm").shorts(), px.shorts());
    }

    @Test
    void sourceHoldsTheExtremesThatNeedCategorySixteen() throws DicomException {
        // 0 then -32768 differ by 32768, the difference coded by category 16 with no extra bits.
        short[] source = JpegFixtures.decode("source_grey16.dcm").shorts();
        assertArrayEquals(new short[] {0, -32768, 32767, -1}, java.util.Arrays.copyOf(source, 4));
    }

    @Test
    void decodesTheFirstOrderPredictionSyntax() throws DicomException {
        assertEquals("1.2.840.10008.1.2.4.70", JpegFixtures.read("lossless_sv1_first_order.dcm").transferSyntax().uid());
        assertArrayEquals(JpegFixtures.decode("source_grey16.dcm").shorts(),
                JpegFixtures.decode("lossless_sv1_first_order.dcm").shorts());
    }

    @Test
    void undoesThePointTransform() throws DicomException {
        // Pt = 3 keeps the top 13 bits of each (unsigned) 16-bit value; they come back shifted up.
        short[] source = JpegFixtures.decode("source_grey16.dcm").shorts();
        short[] expected = new short[source.length];
        for (int i = 0; i < source.length; i++) {
            expected[i] = (short) (((source[i] & 0xFFFF) >> 3) << 3);
        }
        assertArrayEquals(expected, JpegFixtures.decode("lossless_pt3.dcm").shorts());
    }

    @Test
    void signExtendsTwelveBitSignedSamplesFromBitsStored() throws DicomException {
        StoredPixels px = JpegFixtures.decode("lossless_12bit_signed.dcm");
        assertEquals("int16", px.dtypeName());
        short[] source = JpegFixtures.decode("source_grey12_signed.dcm").shorts();
        assertArrayEquals(source, px.shorts());
        assertEquals(-2048, px.shorts()[3 * 23 + 3]);
        assertEquals(2047, px.shorts()[3 * 23 + 4]);
    }

    @Test
    void decodesEightAndFourBitSamples() throws DicomException {
        byte[] grey8 = JpegFixtures.decode("source_grey8.dcm").bytes();
        assertArrayEquals(grey8, JpegFixtures.decode("lossless_8bit_sv7.dcm").bytes());
        byte[] grey4 = new byte[grey8.length];
        for (int i = 0; i < grey8.length; i++) {
            grey4[i] = (byte) ((grey8[i] & 0xFF) >> 4);
        }
        byte[] jpeg = JpegFixtures.codestream("lossless_4bit_sv3.dcm");
        assertEquals(4, jpeg[JpegFixtures.find(jpeg, JpegMarkers.SOF3) + 4], "sample precision of the fixture");
        assertArrayEquals(grey4, JpegFixtures.decode("lossless_4bit_sv3.dcm").bytes());
    }

    @Test
    void restartsPredictionAtEachRestartInterval() throws DicomException {
        byte[] jpeg = JpegFixtures.codestream("lossless_restart_lines.dcm");
        int dri = JpegFixtures.find(jpeg, JpegMarkers.DRI);
        assertEquals(46, ((jpeg[dri + 4] & 0xFF) << 8) | (jpeg[dri + 5] & 0xFF), "two lines per interval");
        assertArrayEquals(JpegFixtures.decode("source_grey16.dcm").shorts(),
                JpegFixtures.decode("lossless_restart_lines.dcm").shorts());
    }

    @Test
    void refusesARestartIntervalThatEndsMidLine() {
        // Prediction restarts with a new line; DCMTK refuses this file with the same complaint.
        PixelDataException e = assertThrows(PixelDataException.class, () -> JpegFixtures.decode("lossless_restart_midline.dcm"));
        assertTrue(e.getMessage().contains("lossless_restart_midline.dcm") && e.getMessage().contains("JPEG frame 0")
                && e.getMessage().contains("restart interval of 7 MCUs is not a whole number of lines of 23"), e.getMessage());
    }

    @Test
    void decodesInterleavedRgbWithRestartsWithoutAColourTransform() throws DicomException {
        StoredPixels px = JpegFixtures.decode("lossless_rgb_restart.dcm");
        assertEquals("RGB", px.photometric());
        assertFalse(px.convertedFromYbr());
        assertArrayEquals(new int[] {23, 37, 3}, px.shape());
        assertArrayEquals(JpegFixtures.decode("source_rgb.dcm").bytes(), px.bytes());
    }

    @Test
    void decodesOneScanPerComponentWithItsOwnPredictorAndHuffmanTable() throws DicomException {
        byte[] jpeg = JpegFixtures.codestream("lossless_rgb_three_scans.dcm");
        int sos = JpegFixtures.find(jpeg, JpegMarkers.SOS);
        assertEquals(1, jpeg[sos + 4], "the first scan holds one component");
        StoredPixels px = JpegFixtures.decode("lossless_rgb_three_scans.dcm");
        assertArrayEquals(JpegFixtures.decode("source_rgb.dcm").bytes(), px.bytes());
    }

    @Test
    void repeatsSubsampledChromaAsDcmtkDoes() throws DicomException {
        // Y at full size, Cb and Cr at half size both ways, all in one interleaved scan of 6-sample MCUs.
        byte[] jpeg = JpegFixtures.codestream("lossless_420.dcm");
        int sof = JpegFixtures.find(jpeg, JpegMarkers.SOF3);
        assertEquals(0x22, jpeg[sof + 11], "luma sampled 2x2");
        StoredPixels px = JpegFixtures.decode("lossless_420.dcm");
        assertArrayEquals(JpegFixtures.decode("lossless_420.dcmdjpeg.dcm").bytes(), px.bytes());
        assertEquals(px.value(1), px.value(4), "pixels 0 and 1 share their Cb");
        assertEquals(px.value(1), px.value(36 * 3 + 1), "rows 0 and 1 share their Cb");
    }

    @Test
    void decodesFourComponentsOfTwelveBitsWithAPointTransform() throws DicomException {
        StoredPixels px = JpegFixtures.decode("lossless_4components_pt1.dcm");
        assertArrayEquals(new int[] {17, 23, 4}, px.shape());
        short[] grey12 = JpegFixtures.decode("source_grey12_signed.dcm").shorts();
        short[] values = px.shorts();
        for (int i = 0; i < grey12.length; i++) {
            int base = grey12[i] + 2048;
            for (int k = 0; k < 4; k++) {
                int expected = (base >> (k % 2)) & ~1;
                assertEquals(expected, values[4 * i + k], "pixel " + i + " component " + k);
            }
        }
    }

    @Test
    void predictorsAreThoseOfTableH1() {
        int ra = 1000;
        int rb = 1010;
        int rc = 995;
        assertEquals(1000, LosslessScanDecoder.predict(1, ra, rb, rc));
        assertEquals(1010, LosslessScanDecoder.predict(2, ra, rb, rc));
        assertEquals(995, LosslessScanDecoder.predict(3, ra, rb, rc));
        assertEquals(1015, LosslessScanDecoder.predict(4, ra, rb, rc));
        assertEquals(1007, LosslessScanDecoder.predict(5, ra, rb, rc)); // 1000 + (15 >> 1)
        assertEquals(1012, LosslessScanDecoder.predict(6, ra, rb, rc)); // 1010 + (5 >> 1)
        assertEquals(1005, LosslessScanDecoder.predict(7, ra, rb, rc));
        assertEquals(1000 + (-3 >> 1), LosslessScanDecoder.predict(5, 1000, 995, 998), "arithmetic shift of a negative step");
    }
}
