package dev.attest.dicom.pixel;

import dev.attest.dicom.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.dicom.DicomException;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.UnsupportedTransferSyntaxException;
import dev.attest.dicom.io.DicomReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every file of {@code dicom-codecs/PIXEL_REFERENCE.json}: files whose transfer syntax has a codec
 * must decode to the reference values (sha256 of the little-endian array, or the raw reference
 * within a tolerance for lossy and colour-converted files); files with no codec yet must fail
 * with an {@link UnsupportedTransferSyntaxException} naming the UID; files marked not decodable
 * must fail with a typed {@link DicomException}. Registering a codec is all it takes to move a
 * file from the second group to the first.
 */
class PixelReferenceTest {

    /**
     * Where we knowingly differ from the pydicom 2.3 reference, with the sha256 of our values.
     * pydicom 2.3 returns signed 12-in-16-bit values as the raw 16 bits, without sign extension
     * from High Bit; PS3.5 8.1.1 and the files themselves call for it. Our hashes were computed
     * with /usr/bin/python3 and numpy from the stored bits:
     * {@code sha256(((np.frombuffer(ds.PixelData, "<u2") << 4).astype(np.int16) >> 4).tobytes())}.
     * For 12bitSigned_0x0F0F the dcm2niix reference (4.nii) confirms the sign-extended values
     * (see {@link NativeDecodingTest}); mlut_18's Series Description says "range -2048 to +2047"
     * and its Modality LUT starts at -2048, which only sign extension reaches.
     * JLSL_16_15_1_1F is signed 15-bit JPEG-LS ("signed 15-bit precision, generated with
     * pyjpegls"): the reference hashes DCMTK's 15-bit patterns as read by pydicom 2.3; ours is
     * {@code sha256(((np.frombuffer(<dcmdjpls output>, "<u2") << 1).astype(np.int16) >> 1).tobytes())},
     * and pydicom's own test data expects those values: {@code arr[59:65, 58] == [-2073, -2629,
     * -1167, 5566, 11808, 15604]} (pydicom tests/pixels/pixels_reference.py, JLSL_16_15_1_1_1F).
     */
    private static final Map<String, String> SIGN_EXTENDED = Map.of(
            "dcm_qa_12bit/12bitSigned_0x0F0F.dcm", "51aa1a1f9d60466a8ad4f4377e97e7d26fc3c11dbb90ad5f42eef05896b961be",
            "pydicom-data/mlut_18.dcm", "9195d8833fb4ec4fd38b7ba84b5025859211d62e76af3188dfb426683485d58a",
            "pydicom-data/JLSL_16_15_1_1F.dcm", "bb0a20c386271e836966f81064e1b439a2951b1faa35b48ddbd34e11fb926b6c");

    /**
     * Files the reference could not read whose pixels are all there, with a lossless sibling:
     * pydicom stops at the missing Sequence Delimitation Item after the last fragment, but all
     * ten JPEG 2000 fragments are complete, so with a JPEG 2000 codec they must decode to the
     * uncompressed emri_small.dcm exactly.
     */
    private static final Map<String, String> READABLE_ALTHOUGH_REFERENCE_FAILED = Map.of(
            "pydicom-data/emri_small_jpeg_2k_lossless_too_short.dcm", "pydicom-data/emri_small.dcm");

    /**
     * Decodable by the reference but not by Attest yet, each with the reason; the error must still
     * be typed. Empty since the damaged JPEG 2000 SIZ marker is repaired; kept for the next such file.
     */
    private static final Map<String, String> NOT_YET = Map.of();

    /**
     * Files whose reference array is not a decode, each with the fixture to use instead (made by
     * {@code tools/reference/make_j2k_repair_refs.py}). The JPEG 2000 stream of the first has the
     * Sequence Delimitation tag bytes FE FF DD E0 written over its SIZ marker (Rsiz and the top of
     * Xsiz); GDCM refuses it ("Invalid number of tiles"), and the reference holds the uninitialised
     * buffer the GDCM handler returned anyway: its first row repeats a heap pointer and rows from
     * 512 on are zero. The fixture is OpenJPEG's decode of the codestream repaired as Attest
     * repairs it (Xsiz from Columns): a whole-body bone scan.
     */
    private static final Map<String, String> REFERENCE_NOT_A_DECODE = Map.of(
            "pydicom/JPEG2000-embedded-sequence-delimiter.dcm", "/reference/pixels/JPEG2000-embedded-sequence-delimiter.json");

    private static JsonNode root() throws IOException {
        return new ObjectMapper().readTree(TestData.path("dicom-codecs/PIXEL_REFERENCE.json").toFile());
    }

    private static JsonNode reference(String name) throws IOException {
        return root().get(name);
    }

    static Stream<Arguments> references() throws IOException {
        JsonNode root = root();
        List<Arguments> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            out.add(Arguments.of(e.getKey(), e.getValue()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void decodesLikeTheReference(String name, JsonNode ref) throws IOException {
        String tsUid = ref.path("transferSyntax").asText("");
        TransferSyntax ts = TransferSyntax.of(tsUid);
        String sibling = READABLE_ALTHOUGH_REFERENCE_FAILED.get(name);
        if (sibling != null && FrameCodecs.canDecode(ts)) {
            StoredPixels px = PixelDecoder.open(TestData.read("dicom-codecs/" + name)).decodeAll();
            assertEquals(reference(sibling).get("sha256").asText(), TestData.sha256(px.toLittleEndianBytes()));
            System.out.printf("%s: max |diff| 0, mean |diff| 0.0000 (sha256 identical to %s)%n", name, sibling);
            return;
        }
        if (!ref.path("decodable").asBoolean() || NOT_YET.containsKey(name)) {
            failsWithTypedError(name);
            return;
        }
        if (!FrameCodecs.canDecode(ts)) {
            DicomFile file = TestData.read("dicom-codecs/" + name);
            UnsupportedTransferSyntaxException e = assertThrows(UnsupportedTransferSyntaxException.class,
                    () -> PixelDecoder.open(file));
            assertTrue(e.getMessage().contains(tsUid), e.getMessage());
            assertEquals(tsUid, e.transferSyntax().uid());
            return;
        }
        StoredPixels px = PixelDecoder.open(TestData.read("dicom-codecs/" + name)).decodeAll();
        assertEquals(ref.get("dtype").asText(), px.dtypeName(), "dtype");
        assertArrayEquals(shape(ref), px.shape(), "shape");
        assertEquals(ref.path("colorConvertedFromYBR").asBoolean(), px.convertedFromYbr(), "colour conversion");
        boolean exact = !ref.path("lossy").asBoolean() && !ref.path("colorConvertedFromYBR").asBoolean();
        String fixture = REFERENCE_NOT_A_DECODE.get(name);
        if (fixture != null) {
            compareWithFixture(name, fixture, ref, px);
        } else if (exact) {
            String expected = SIGN_EXTENDED.getOrDefault(name, ref.get("sha256").asText());
            assertEquals(expected, TestData.sha256(px.toLittleEndianBytes()), "sha256 of the stored values");
            if (isJpeg2000(ts)) {
                System.out.printf("%s: max |diff| 0, mean |diff| 0.0000 (sha256 identical)%n", name);
            }
        } else {
            compareWithRaw(name, ref, px);
        }
    }

    /** Reading or decoding must end in a DicomException subclass, never a RuntimeException. */
    private static void failsWithTypedError(String name) {
        try {
            DicomFile file = DicomReader.read(TestData.path("dicom-codecs/" + name));
            PixelDecoder.open(file).decodeAll();
            fail(name + " is marked not decodable (or not yet: " + NOT_YET.get(name) + ") but decoded");
        } catch (DicomException expected) {
            assertTrue(expected.getMessage().contains(name.substring(name.indexOf('/') + 1)),
                    "the error names the file: " + expected.getMessage());
        } catch (IOException | RuntimeException e) {
            fail(name + ": expected a DicomException, got " + e, e);
        }
    }

    private static boolean isJpeg2000(TransferSyntax ts) {
        return ts.uid().equals("1.2.840.10008.1.2.4.90") || ts.uid().equals("1.2.840.10008.1.2.4.91");
    }

    /**
     * The acceptance for lossy JPEG 2000 decoded by another decoder (JJ2000 here, OpenJPEG
     * for the reference): max |diff| 2 for 8-bit samples, 4 for 12 to 16 bits, mean |diff| below 0.5.
     */
    private static void assertJpeg2000Acceptance(String name, int bitsStored, double max, double mean) {
        int maxAllowed = bitsStored <= 8 ? 2 : 4;
        assertTrue(max <= maxAllowed, name + ": max |diff| " + max + " > " + maxAllowed);
        assertTrue(mean < 0.5, name + ": mean |diff| " + mean + " >= 0.5");
    }

    /**
     * YBR → RGB conversion rounds differently from decoder to decoder, so colour-converted files
     * may differ by 2; lossy files decoded by another decoder by 1 (inverse DCT rounding). Neither
     * may exceed the lossy acceptance of issue 3 (max |diff| 2 for 8-bit samples, 4 for deeper
     * ones), and the differences must stay rare: mean |diff| below 0.5. Lossy JPEG 2000 is held to
     * that acceptance itself (JJ2000 here, OpenJPEG for the reference).
     */
    private static void compareWithRaw(String name, JsonNode ref, StoredPixels px) throws IOException {
        int tolerance = Math.min(ref.path("colorConvertedFromYBR").asBoolean() ? 2 : 1,
                ref.path("bitsStored").asInt(16) <= 8 ? 2 : 4);
        byte[] raw;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                TestData.path("dicom-codecs/reference-raw/" + ref.get("raw").asText())))) {
            raw = in.readAllBytes();
        }
        StoredPixels expected = fromLittleEndian(px, raw);
        double max = 0;
        double sum = 0;
        for (int i = 0; i < px.size(); i++) {
            double d = Math.abs(px.value(i) - expected.value(i));
            max = Math.max(max, d);
            sum += d;
        }
        double mean = sum / px.size();
        System.out.printf("%s: max |diff| %.0f, mean |diff| %.4f against the raw reference%n", name, max, mean);
        if (isJpeg2000(TransferSyntax.of(ref.path("transferSyntax").asText()))) {
            assertJpeg2000Acceptance(name, ref.path("bitsStored").asInt(), max, mean);
            return;
        }
        assertTrue(max <= tolerance, name + ": max |diff| " + max + " > " + tolerance);
        assertTrue(mean < 0.5, name + ": mean |diff| " + mean + " is not below 0.5");
    }

    /**
     * Compares with a fixture of an independent decode: the pixel sample (max and mean |diff|,
     * by the JPEG 2000 acceptance), every row's sum to within half a grey level per pixel, and the
     * value range to within the max tolerance.
     */
    private static void compareWithFixture(String name, String fixture, JsonNode ref, StoredPixels px) throws IOException {
        JsonNode fx;
        try (InputStream in = PixelReferenceTest.class.getResourceAsStream(fixture)) {
            assertTrue(in != null, "fixture missing: " + fixture);
            fx = new ObjectMapper().readTree(in);
        }
        assertEquals(fx.get("dtype").asText(), px.dtypeName(), "dtype");
        assertArrayEquals(new int[] {fx.get("shape").get(0).asInt(), fx.get("shape").get(1).asInt()}, px.shape(), "shape");
        JsonNode samples = fx.get("samples_row_col_value");
        double max = 0;
        double sum = 0;
        for (int i = 0; i < samples.size(); i += 3) {
            int at = samples.get(i).asInt() * px.columns() + samples.get(i + 1).asInt();
            double d = Math.abs(px.value(at) - samples.get(i + 2).asInt());
            max = Math.max(max, d);
            sum += d;
        }
        double mean = sum / (samples.size() / 3.0);
        int bitsStored = ref.path("bitsStored").asInt();
        assertJpeg2000Acceptance(name, bitsStored, max, mean);
        double rowMax = 0;
        for (int r = 0; r < px.rows(); r++) {
            double rowSum = 0;
            for (int c = 0; c < px.columns(); c++) {
                rowSum += px.value(r * px.columns() + c);
            }
            rowMax = Math.max(rowMax, Math.abs(rowSum - fx.get("row_sums").get(r).asLong()) / px.columns());
        }
        assertTrue(rowMax < 0.5, name + ": a row's mean differs by " + rowMax);
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = 0; i < px.size(); i++) {
            lo = Math.min(lo, px.value(i));
            hi = Math.max(hi, px.value(i));
        }
        int maxAllowed = bitsStored <= 8 ? 2 : 4;
        assertTrue(Math.abs(lo - fx.get("min").asInt()) <= maxAllowed && Math.abs(hi - fx.get("max").asInt()) <= maxAllowed,
                name + ": range " + lo + ".." + hi + " against " + fx.get("min") + ".." + fx.get("max"));
        System.out.printf("%s: max |diff| %.0f, mean |diff| %.4f over %d sampled pixels, rows' means within %.4f, against %s%n",
                name, max, mean, samples.size() / 3, rowMax, fx.get("decoder").asText());
    }

    private static StoredPixels fromLittleEndian(StoredPixels like, byte[] raw) {
        Object array = like.dtype().allocate(like.size());
        var b = java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        switch (array) {
            case byte[] a -> b.get(a);
            case short[] a -> b.asShortBuffer().get(a);
            case int[] a -> b.asIntBuffer().get(a);
            case float[] a -> b.asFloatBuffer().get(a);
            case double[] a -> b.asDoubleBuffer().get(a);
            default -> throw new AssertionError(array.getClass());
        }
        return new StoredPixels(like.dtype(), like.frames(), like.rows(), like.columns(), like.samplesPerPixel(),
                like.photometric(), false, array);
    }

    private static int[] shape(JsonNode ref) {
        int[] s = new int[ref.get("shape").size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = ref.get("shape").get(i).asInt();
        }
        return s;
    }
}
