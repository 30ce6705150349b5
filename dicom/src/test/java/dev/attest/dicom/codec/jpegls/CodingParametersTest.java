package dev.attest.dicom.codec.jpegls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Preset coding parameters (LSE type 1) and their defaults (T.87 C.2.4.1.1): the values real
 * encoders wrote next to the ones we compute, the range checks, and streams coded with them.
 */
class CodingParametersTest {

    @ParameterizedTest(name = "P {0}, NEAR {1}: T1 {2}, T2 {3}, T3 {4}")
    @CsvSource({
            // 8-bit defaults, and what DCMTK assumes for JPEGLSNearLossless_08 (NEAR 2, no LSE)
            "8, 0, 3, 7, 21", "8, 2, 9, 17, 35",
            // written by DCMTK in the LSE segments of the cornerstone3d CT (.80 and .81) and gray16_near5_noise
            "16, 0, 18, 67, 276", "16, 1, 21, 72, 283", "16, 5, 33, 92, 311",
            "12, 0, 18, 67, 276", "12, 3, 27, 82, 297", "10, 0, 6, 19, 72",
            // MAXVAL < 128: the second set of formulas
            "7, 0, 2, 3, 10", "6, 0, 2, 3, 5", "4, 0, 2, 3, 4", "3, 1, 3, 5, 7", "2, 0, 2, 3, 3"})
    void computesTheDefaultThresholds(int precision, int near, int t1, int t2, int t3) throws JpegLsException {
        CodingParameters p = CodingParameters.resolve(precision, near, PresetParameters.DEFAULTS, 0);
        assertEquals(new CodingParameters((1 << precision) - 1, t1, t2, t3, 64), p);
    }

    @Test
    void computesDefaultsFromACustomMaxval() throws JpegLsException {
        // MAXVAL 1000 of 12 bits: FACTOR = (1000 + 128) / 256 = 4.
        assertEquals(new CodingParameters(1000, 6, 19, 72, 64),
                CodingParameters.resolve(12, 0, new PresetParameters(1000, 0, 0, 0, 0), 0));
        // Given thresholds are kept; a missing T3 is clamped to at least T2.
        assertEquals(new CodingParameters(255, 10, 100, 100, 7),
                CodingParameters.resolve(8, 0, new PresetParameters(0, 10, 100, 0, 7), 0));
    }

    @ParameterizedTest(name = "{5}")
    @CsvSource({
            "8, 0, 256, 0, 0, MAXVAL 256 is outside 1..255",
            "8, 0, 0, 30, 20, T2 20 is outside T1..255",
            "8, 2, 0, 2, 0, T1 2 is outside 3..255",
            "8, 0, 0, 0, 300, T2 300 is outside"})
    void refusesParametersOutsideTheirRanges(int precision, int near, int maxVal, int t1, int t2, String message) {
        JpegLsException e = assertThrows(JpegLsException.class,
                () -> CodingParameters.resolve(precision, near, new PresetParameters(maxVal, t1, t2, 0, 0), 0));
        assertEquals(JpegLsException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void refusesResetAndNearOutsideTheirRanges() {
        JpegLsException reset = assertThrows(JpegLsException.class,
                () -> CodingParameters.resolve(8, 0, new PresetParameters(0, 0, 0, 0, 2), 0));
        assertTrue(reset.getMessage().contains("RESET 2 is outside 3..255"), reset.getMessage());
        JpegLsException near = assertThrows(JpegLsException.class,
                () -> CodingParameters.resolve(8, 5, new PresetParameters(9, 0, 0, 0, 0), 0));
        assertTrue(near.getMessage().contains("NEAR 5 is larger than min(255, MAXVAL / 2) = 4"), near.getMessage());
    }

    @Test
    void decodesStreamsCodedWithCustomParameters() throws JpegLsException {
        int[] image = Codestreams.image(15, 40, 1, 12, 3);
        for (int i = 0; i < image.length; i++) {
            image[i] = Math.min(image[i], 1000);
        }
        PresetParameters[] presets = {
                new PresetParameters(1000, 0, 0, 0, 0), // a smaller MAXVAL: smaller RANGE, LIMIT and qbpp
                new PresetParameters(0, 3, 3, 3, 3),    // the smallest thresholds NEAR 2 allows, and RESET
                new PresetParameters(4095, 4000, 4050, 4095, 4095), // the largest
                new PresetParameters(1000, 50, 51, 900, 255)};
        for (PresetParameters preset : presets) {
            for (int near : new int[] {0, 2}) {
                TestEncoder encoder = new TestEncoder(15, 40, 1, 12).preset(preset).near(near);
                byte[] stream = encoder.encode(image);
                assertEquals(0xF8, stream[Codestreams.find(stream, 0xF8, 0) + 1] & 0xFF);
                assertArrayEquals(encoder.reconstructed(), DecodedImage.decode(stream, 15, 40, 1).samples, preset + " NEAR " + near);
            }
        }
    }

    @Test
    void appliesAPresetSegmentPlacedBeforeTheFrameHeader() throws JpegLsException {
        int[] image = Codestreams.image(6, 8, 1, 8, 9);
        byte[] stream = new TestEncoder(6, 8, 1, 8).preset(new PresetParameters(0, 4, 9, 30, 20)).encode(image);
        int lse = Codestreams.find(stream, 0xF8, 0);
        byte[] segment = java.util.Arrays.copyOfRange(stream, lse, lse + 15);
        byte[] moved = Codestreams.remove(stream, lse, 15);
        int[] bytes = new int[15];
        for (int i = 0; i < 15; i++) {
            bytes[i] = segment[i] & 0xFF;
        }
        moved = Codestreams.insert(moved, 2, bytes);
        assertArrayEquals(image, DecodedImage.decode(moved, 6, 8, 1).samples);
    }

    @Test
    void refusesMappingTablesAndOversizeDimensions() throws JpegLsException {
        byte[] stream = new TestEncoder(6, 8, 1, 8).encode(Codestreams.image(6, 8, 1, 8, 9));
        for (int type : new int[] {2, 3, 4}) {
            byte[] with = Codestreams.insert(stream, 2, 0xFF, 0xF8, 0x00, 0x06, type, 1, 0, 0);
            JpegLsException e = assertThrows(JpegLsException.class, () -> DecodedImage.decode(with, 6, 8, 1));
            assertEquals(JpegLsException.Kind.UNSUPPORTED, e.kind());
            assertTrue(e.getMessage().contains("LSE type " + type), e.getMessage());
        }
        byte[] unknown = Codestreams.insert(stream, 2, 0xFF, 0xF8, 0x00, 0x03, 9);
        assertEquals(JpegLsException.Kind.MALFORMED, assertThrows(JpegLsException.class,
                () -> DecodedImage.decode(unknown, 6, 8, 1)).kind());
        byte[] shortPreset = Codestreams.insert(stream, 2, 0xFF, 0xF8, 0x00, 0x05, 1, 0, 0);
        assertTrue(assertThrows(JpegLsException.class, () -> DecodedImage.decode(shortPreset, 6, 8, 1)).getMessage()
                .contains("preset coding parameters (type 1) have length 5, not 13"));
    }
}
