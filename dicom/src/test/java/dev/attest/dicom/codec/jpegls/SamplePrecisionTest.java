package dev.attest.dicom.codec.jpegls;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every sample precision T.87 allows, 2 to 16 bits, lossless and near-lossless, one component
 * and three interleaved by sample (DCMTK's streams cover 6 to 16 bits; these come from the
 * tests' encoder).
 */
class SamplePrecisionTest {

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void decodesEveryPrecisionLosslessly(int precision) throws JpegLsException {
        int[] grey = Codestreams.image(19, 27, 1, precision, precision);
        assertArrayEquals(grey, DecodedImage.decode(new TestEncoder(19, 27, 1, precision).encode(grey), 19, 27, 1).samples);
        int[] colour = Codestreams.image(11, 13, 3, precision, precision + 100);
        assertArrayEquals(colour, DecodedImage.decode(new TestEncoder(11, 13, 3, precision).interleave(2).encode(colour), 11, 13, 3).samples);
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {2, 3, 5, 8, 12, 16})
    void decodesEveryPrecisionNearLosslessly(int precision) throws JpegLsException {
        int near = Math.min(255, Math.max(1, ((1 << precision) - 1) / 40));
        int[] image = Codestreams.image(19, 27, 1, precision, precision + 7);
        TestEncoder encoder = new TestEncoder(19, 27, 1, precision).near(near);
        int[] decoded = DecodedImage.decode(encoder.encode(image), 19, 27, 1).samples;
        assertArrayEquals(encoder.reconstructed(), decoded);
        for (int i = 0; i < image.length; i++) {
            assertTrue(Math.abs(decoded[i] - image[i]) <= near, "sample " + i + " within NEAR " + near);
        }
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {2, 8, 16})
    void decodesFullScaleSwingsThatWrapModuloRange(int precision) throws JpegLsException {
        // Alternating 0 and MAXVAL: prediction errors of ±MAXVAL, reduced modulo RANGE by the coder.
        int max = (1 << precision) - 1;
        int[] image = new int[8 * 10];
        for (int i = 0; i < image.length; i++) {
            image[i] = ((i / 10 + i) & 1) == 0 ? 0 : max;
        }
        assertArrayEquals(image, DecodedImage.decode(new TestEncoder(8, 10, 1, precision).encode(image), 8, 10, 1).samples);
    }
}
