package dev.attest.dicom.codec.jpeg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.dicom.DicomException;
import dev.attest.dicom.TestData;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.pixel.PixelDataException;
import dev.attest.dicom.pixel.PixelDecoder;
import dev.attest.dicom.pixel.PixelDescription;
import dev.attest.dicom.pixel.StoredPixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DCT JPEG (sequential and progressive) on the fixtures of src/test/resources/jpeg and on the
 * shared lossy files. The references are DCMTK's (IJG's integer "islow" IDCT, "fancy" chroma
 * upsampling, JFIF colour conversion) and Attest reproduces them value for value.
 */
class DctJpegTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "baseline_420_restart_lines", // 4:2:0 with a restart marker after each MCU row
            "baseline_422_restart_blocks", // 4:2:2 with restarts every 3 MCUs
            "baseline_411", // luma 4x1: chroma repeated (no triangle filter for 4:1)
            "baseline_440", // luma 1x2: chroma repeated vertically
            "baseline_grey_restart_blocks", // restart after every block
            "sequential_three_scans", // one non-interleaved sequential scan per component
            "progressive_420", // libjpeg's progression: successive approximation, EOB runs
            "progressive_422_restart", // progression with restarts (EOB runs end at each)
            "progressive_grey_refine", // DC refined twice, AC bands refined
            "baseline_444_rgb_label_jfif"}) // labelled RGB but JFIF says Y Cb Cr: converted
    void decodesLikeDcmtk(String name) throws DicomException {
        StoredPixels px = JpegFixtures.decode(name + ".dcm");
        StoredPixels dcmtk = JpegFixtures.decode(name + ".dcmdjpeg.dcm");
        assertArrayEquals(dcmtk.shape(), px.shape());
        assertArrayEquals(dcmtk.bytes(), px.bytes());
        assertEquals(px.samplesPerPixel() == 3 ? "RGB" : "MONOCHROME2", px.photometric());
        assertFalse(px.convertedFromYbr(), "the JPEG codec converts colour itself");
    }

    @Test
    void theFixturesHoldWhatTheyAreNamedFor() throws DicomException {
        byte[] restarts = JpegFixtures.codestream("baseline_422_restart_blocks.dcm");
        assertTrue(count(restarts, 0xD0) + count(restarts, 0xD1) >= 2, "restart markers present");
        byte[] progressive = JpegFixtures.codestream("progressive_422_restart.dcm");
        assertEquals(10, count(progressive, JpegMarkers.SOS), "ten progressive scans");
        assertTrue(count(progressive, JpegMarkers.DHT) > 1, "Huffman tables redefined between scans");
        assertEquals(3, count(JpegFixtures.codestream("sequential_three_scans.dcm"), JpegMarkers.SOS));
    }

    /** The shared lossy files: the acceptance is max |diff| ≤ 2 (8-bit) or 4 (12-bit), mean < 0.5; Attest matches exactly. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "cornerstone3d/CTImage.dcm_JPEGProcess1TransferSyntax_1.2.840.10008.1.2.4.50.dcm",
            "cornerstone3d/CTImage.dcm_JPEGProcess2_4TransferSyntax_1.2.840.10008.1.2.4.51.dcm",
            "cornerstone3d/CTImage.dcm_JPEGProcess6_8TransferSyntax_1.2.840.10008.1.2.4.53.dcm",
            "cornerstone3d/CTImage.dcm_JPEGProcess10_12TransferSyntax_1.2.840.10008.1.2.4.55.dcm",
            "pydicom/JPGExtended.dcm",
            "pydicom/SC_rgb_jpeg_dcmtk.dcm",
            "pydicom/SC_jpeg_no_color_transform.dcm",
            "pydicom/examples_ybr_color.dcm"})
    void matchesTheDcmtkReferenceValueForValue(String name) throws IOException {
        JsonNode ref = new ObjectMapper().readTree(TestData.codecs("PIXEL_REFERENCE.json").toFile()).get(name);
        StoredPixels px = PixelDecoder.open(DicomReader.read(TestData.codecs(name))).decodeAll();
        byte[] raw;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(TestData.codecs("reference-raw/" + ref.get("raw").asText())))) {
            raw = in.readAllBytes();
        }
        ByteBuffer expected = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int bytes = px.dtype().bytes();
        long max = 0;
        long sum = 0;
        for (int i = 0; i < px.size(); i++) {
            long want = bytes == 1 ? expected.get(i) & 0xFF : expected.getShort(2 * i) & 0xFFFF;
            long diff = Math.abs((long) px.value(i) - want);
            max = Math.max(max, diff);
            sum += diff;
        }
        System.out.printf("%s: max |diff| %d, mean |diff| %.4f against DCMTK%n", name, max, (double) sum / px.size());
        assertEquals(0, max, name + " differs from DCMTK");
        assertEquals(ref.get("photometric").asText().startsWith("YBR") ? "RGB" : ref.get("photometric").asText(), px.photometric());
    }

    @Test
    void convertsRgbLabelledDataOnlyWhenTheCodestreamSaysItIsYCbCr() throws DicomException {
        String name = "baseline_444_rgb_label_jfif.dcm";
        PixelDescription d = JpegFixtures.description(name);
        assertEquals("RGB", d.photometric());
        byte[] jfif = JpegFixtures.codestream(name);
        byte[] converted = (byte[]) JpegFixtures.decodeWith(name, d, jfif);
        assertArrayEquals(JpegFixtures.decode("baseline_444_rgb_label_jfif.dcmdjpeg.dcm").bytes(), converted);

        // Without the JFIF segment nothing says Y Cb Cr (component ids 1 2 3 alone do not): kept as
        // stored, as DCMTK keeps SC_jpeg_no_color_transform.dcm; converting those samples gives the above.
        byte[] bare = withoutSegment(jfif, JpegMarkers.APP0);
        byte[] kept = (byte[]) JpegFixtures.decodeWith(name, d, bare);
        SampleWriter.YccTables ycc = SampleWriter.YccTables.forPrecision(8);
        int[] rgb = new int[3];
        for (int i = 0; i < kept.length; i += 3) {
            ycc.toRgb(kept[i] & 0xFF, kept[i + 1] & 0xFF, kept[i + 2] & 0xFF, rgb);
            assertArrayEquals(new int[] {converted[i] & 0xFF, converted[i + 1] & 0xFF, converted[i + 2] & 0xFF}, rgb,
                    "pixel " + i / 3);
        }
        // An Adobe segment decides either way: transform 0 keeps, 1 converts, even without JFIF.
        assertArrayEquals(kept, (byte[]) JpegFixtures.decodeWith(name, d, withAdobe(bare, 0)));
        assertArrayEquals(converted, (byte[]) JpegFixtures.decodeWith(name, d, withAdobe(bare, 1)));
        assertArrayEquals(kept, (byte[]) JpegFixtures.decodeWith(name, d, withAdobe(jfif, 0)));
    }

    static byte[] withoutSegment(byte[] jpeg, int code) {
        int at = JpegFixtures.find(jpeg, code);
        int length = 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        byte[] out = new byte[jpeg.length - length];
        System.arraycopy(jpeg, 0, out, 0, at);
        System.arraycopy(jpeg, at + length, out, at, jpeg.length - at - length);
        return out;
    }

    /** {@code jpeg} with an Adobe APP14 segment (colour transform {@code transform}) after the SOI. */
    static byte[] withAdobe(byte[] jpeg, int transform) {
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
        byte[] out = new byte[jpeg.length + app14.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(app14, 0, out, 2, app14.length);
        System.arraycopy(jpeg, 2, out, 2 + app14.length, jpeg.length - 2);
        return out;
    }

    @Test
    void takesTheLineCountFromADnlMarker() throws DicomException {
        // Y = 0 in the frame header and a DNL segment after the scan (B.2.5): what some encoders write.
        byte[] jpeg = JpegFixtures.codestream("baseline_grey_restart_blocks.dcm");
        byte[] dnl = withDnl(jpeg, 17);
        PixelDescription d = JpegFixtures.description("baseline_grey_restart_blocks.dcm");
        assertArrayEquals(JpegFixtures.decode("baseline_grey_restart_blocks.dcmdjpeg.dcm").bytes(),
                (byte[]) JpegFixtures.decodeWith("dnl.dcm", d, dnl));
        PixelDataException e = assertThrows(PixelDataException.class,
                () -> JpegFixtures.decodeWith("dnl.dcm", d, withDnl(jpeg, 16)));
        assertTrue(e.getMessage().contains("DNL marker says 16 lines but the DICOM header says 17 rows"), e.getMessage());
    }

    /** {@code jpeg} with the SOF's line count set to 0 and a DNL of {@code lines} before the EOI. */
    static byte[] withDnl(byte[] jpeg, int lines) {
        int sof = JpegFixtures.find(jpeg, JpegMarkers.SOF0);
        int eoi = jpeg.length - 2;
        while ((jpeg[eoi] & 0xFF) != 0xFF || (jpeg[eoi + 1] & 0xFF) != JpegMarkers.EOI) {
            eoi--;
        }
        byte[] out = new byte[jpeg.length + 6];
        System.arraycopy(jpeg, 0, out, 0, eoi);
        out[sof + 5] = 0;
        out[sof + 6] = 0;
        byte[] segment = {(byte) 0xFF, (byte) JpegMarkers.DNL, 0, 4, (byte) (lines >> 8), (byte) lines};
        System.arraycopy(segment, 0, out, eoi, 6);
        System.arraycopy(jpeg, eoi, out, eoi + 6, jpeg.length - eoi);
        return out;
    }

    @Test
    void refusesArithmeticCodingWithATypedError() {
        PixelDataException e = assertThrows(PixelDataException.class, () -> JpegFixtures.decode("arithmetic.dcm"));
        assertTrue(e.getMessage().contains("arithmetic.dcm") && e.getMessage().contains("arithmetic-coded JPEG (SOF9 (FFC9))"),
                e.getMessage());
    }

    @Test
    void aFileWithTheLosslessSyntaxButNoPixelDataSaysSo() {
        // UN_sequence.dcm declares JPEG Lossless SV1 but holds no Pixel Data at all.
        PixelDataException e = assertThrows(PixelDataException.class,
                () -> PixelDecoder.open(DicomReader.read(TestData.codecs("pydicom/UN_sequence.dcm"))));
        assertTrue(e.getMessage().contains("UN_sequence.dcm") && e.getMessage().contains("has no Pixel Data"), e.getMessage());
    }

    @Test
    void idctOfAFlatBlockIsItsMean() {
        int[] coef = new int[64];
        int[] quant = new int[64];
        java.util.Arrays.fill(quant, 1);
        coef[0] = 80; // DC = 8 × mean after the level shift: 10 above mid-grey
        short[] out = new short[64];
        Idct.transform(coef, quant, new int[64], out, 0, 8, 8);
        for (short v : out) {
            assertEquals(138, v);
        }
        assertEquals(138, Idct.flat(80, 8));
        assertEquals(2048 + 10, Idct.flat(80, 12));
        assertEquals(0, Idct.flat(-5000, 8), "clamped at black");
        assertEquals(255, Idct.flat(5000, 8), "clamped at white");
    }

    @Test
    void zigZagOrderIsThatOfFigureA6() {
        assertArrayEquals(new int[] {0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5},
                java.util.Arrays.copyOf(DctScanDecoder.ZIGZAG, 16));
        assertEquals(63, DctScanDecoder.ZIGZAG[63]);
        assertEquals(55, DctScanDecoder.ZIGZAG[61]);
        assertEquals(62, DctScanDecoder.ZIGZAG[62]);
    }

    private static int count(byte[] jpeg, int code) {
        int n = 0;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == code) {
                n++;
            }
        }
        return n;
    }
}
