package dev.attest.dicom.codec.jpegls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every codestream DCMTK encoded for the tests decodes to exactly what DCMTK's own decoder
 * makes of it: 6- to 16-bit, lossless and near-lossless, default and custom parameters, one
 * column, one row, 4100-sample flat lines, and RGB in each interleave mode.
 */
class InterleaveModesTest {

    static List<DcmtkStreams.Stream> streams() {
        return DcmtkStreams.all();
    }

    /** Lossless streams with T.87's thresholds, whose decoded image is the source DCMTK encoded. */
    static List<DcmtkStreams.Stream> losslessStreams() {
        return DcmtkStreams.all().stream()
                .filter(s -> s.reference().get("dcmcjpls").asText().startsWith("+el") && s.reference().get("bitsStored").asInt() >= 8)
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void decodesLikeDcmtk(DcmtkStreams.Stream s) throws JpegLsException {
        DecodedImage image = DecodedImage.decode(s.bytes(), s.rows(), s.columns(), s.components());
        assertEquals(s.reference().get("decodedSha256").asText(), image.sha256(s.bytesPerSample()), "sha256 of the samples");
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : s.reference().get("samples").properties()) {
            String[] rcs = e.getKey().split(",");
            assertEquals(e.getValue().asInt(), image.at(Integer.parseInt(rcs[0]), Integer.parseInt(rcs[1]), Integer.parseInt(rcs[2])),
                    "sample " + e.getKey());
        }
        if (s.reference().get("bitsStored").asInt() >= 8) { // below, a second try with CharLS 1.x thresholds may repeat lines
            int[] oneLineEach = new int[s.components()];
            java.util.Arrays.fill(oneLineEach, s.rows());
            assertArrayEquals(oneLineEach, image.lines, "every line of every component delivered once");
        }
    }

    /**
     * DCMTK's CharLS 1.x knows only T.87's threshold formulas for MAXVAL ≥ 128 (CharLS issue
     * #51), so its 6- and 7-bit streams, which carry no LSE segment, are coded with T3 = 4 where
     * T.87 says 5 and 10: the decoder notices that the T.87 decode breaks down and decodes them
     * as DCMTK does.
     */
    @Test
    void decodesDcmtksSixAndSevenBitStreamsWithTheThresholdsCharLs1UsedForThem() throws JpegLsException {
        assertEquals(new CodingParameters(63, 2, 3, 5, 64), CodingParameters.resolve(6, 0, PresetParameters.DEFAULTS, 0));
        assertEquals(new CodingParameters(63, 2, 3, 4, 64),
                CodingParameters.charLs1Defaults(6, 0, PresetParameters.DEFAULTS, 0));
        assertEquals(new CodingParameters(127, 4, 8, 17, 64), CodingParameters.resolve(7, 1, PresetParameters.DEFAULTS, 0));
        assertEquals(new CodingParameters(127, 5, 8, 11, 64),
                CodingParameters.charLs1Defaults(7, 1, PresetParameters.DEFAULTS, 0));
        for (String name : new String[] {"gray6_lossless", "gray7_near1"}) {
            DcmtkStreams.Stream s = DcmtkStreams.named(name);
            assertEquals(s.reference().get("decodedSha256").asText(), decode(name).sha256(1), name);
        }
        assertEquals(DcmtkStreams.named("gray6_lossless").reference().get("sourceSha256").asText(),
                decode("gray6_lossless").sha256(1), "lossless, so equal to the source");
    }

    @Test
    void decodesTheSameRgbImageIdenticallyInAllThreeInterleaveModes() throws JpegLsException {
        int[] none = decode("rgb8_ilv0_lossless").samples;
        assertArrayEquals(none, decode("rgb8_ilv1_lossless").samples);
        assertArrayEquals(none, decode("rgb8_ilv2_lossless").samples);
        assertEquals(DcmtkStreams.named("rgb8_ilv0_lossless").reference().get("sourceSha256").asText(),
                decode("rgb8_ilv2_lossless").sha256(1));
    }

    @Test
    void nearLosslessStaysWithinNearOfTheSource() {
        for (DcmtkStreams.Stream s : DcmtkStreams.all()) {
            String options = s.reference().get("dcmcjpls").asText();
            int near = options.contains("+md") ? Integer.parseInt(options.replaceAll(".*\\+md (\\d+).*", "$1")) : 0;
            assertEquals(true, s.reference().get("maxAbsErrorFromSource").asInt() <= near, s.name());
        }
    }

    /**
     * The tests' own encoder, used below for what DCMTK cannot write, writes byte for byte the
     * scans DCMTK wrote for every lossless stream, in each interleave mode: an independent check
     * of both implementations against CharLS.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("losslessStreams")
    void testEncoderWritesTheScansDcmtkWrote(DcmtkStreams.Stream s) throws JpegLsException {
        String options = s.reference().get("dcmcjpls").asText();
        byte[] stream = s.bytes();
        DecodedImage image = DecodedImage.decode(stream, s.rows(), s.columns(), s.components());
        int precision = stream[Codestreams.find(stream, 0xF7, 0) + 4];
        int interleave = options.contains("+in") ? 0 : options.contains("+is") ? 2 : 1;
        TestEncoder encoder = new TestEncoder(s.rows(), s.columns(), s.components(), precision).interleave(interleave);
        int lse = Codestreams.find(stream, 0xF8, 0);
        if (lse >= 0) {
            encoder.preset(new PresetParameters(u16(stream, lse + 5), u16(stream, lse + 7), u16(stream, lse + 9),
                    u16(stream, lse + 11), u16(stream, lse + 13)));
        }
        byte[] ours = encoder.encode(image.samples);
        List<byte[]> expected = Codestreams.scanData(stream);
        List<byte[]> actual = Codestreams.scanData(ours);
        assertEquals(expected.size(), actual.size(), "scans");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "coded data of scan " + i);
        }
    }

    @ParameterizedTest(name = "interleave mode {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 2})
    void decodesFourComponentsInEachInterleaveMode(int mode) throws JpegLsException {
        int[] source = Codestreams.image(21, 34, 4, 10, 40 + mode);
        byte[] stream = new TestEncoder(21, 34, 4, 10).interleave(mode).encode(source);
        DecodedImage image = DecodedImage.decode(stream, 21, 34, 4);
        assertArrayEquals(source, image.samples);
        assertArrayEquals(new int[] {21, 21, 21, 21}, image.lines);
    }

    @Test
    void decodesFourComponentsNearLosslessBySampleAsReconstructed() throws JpegLsException {
        int[] source = Codestreams.image(17, 29, 4, 8, 47);
        TestEncoder encoder = new TestEncoder(17, 29, 4, 8).interleave(2).near(4);
        byte[] stream = encoder.encode(source);
        int[] decoded = DecodedImage.decode(stream, 17, 29, 4).samples;
        assertArrayEquals(encoder.reconstructed(), decoded);
        for (int i = 0; i < source.length; i++) {
            assertEquals(true, Math.abs(source[i] - decoded[i]) <= 4, "sample " + i + " within NEAR");
        }
    }

    @Test
    void placesComponentsBySofOrderWhateverTheOrderOfTheirScans() throws JpegLsException {
        int[] source = Codestreams.image(9, 11, 3, 8, 5);
        byte[] stream = new TestEncoder(9, 11, 3, 8).interleave(0).encode(source);
        // Swap the first and last of the three single-component scans.
        int first = Codestreams.find(stream, 0xDA, 0);
        int second = Codestreams.find(stream, 0xDA, first + 2);
        int third = Codestreams.find(stream, 0xDA, second + 2);
        int eoi = stream.length - 2;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(stream, 0, first);
        out.write(stream, third, eoi - third);
        out.write(stream, second, third - second);
        out.write(stream, first, second - first);
        out.write(stream, eoi, 2);
        assertArrayEquals(source, DecodedImage.decode(out.toByteArray(), 9, 11, 3).samples);
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static DecodedImage decode(String name) throws JpegLsException {
        DcmtkStreams.Stream s = DcmtkStreams.named(name);
        return DecodedImage.decode(s.bytes(), s.rows(), s.columns(), s.components());
    }
}
