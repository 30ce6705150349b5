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

    private static DecodedImage decode(String name) throws JpegLsException {
        DcmtkStreams.Stream s = DcmtkStreams.named(name);
        return DecodedImage.decode(s.bytes(), s.rows(), s.columns(), s.components());
    }
}
