package dev.attest.dicom.codec.jpegls;

import dev.attest.dicom.DicomException;
import dev.attest.dicom.TestData;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.pixel.EncodedFrame;
import dev.attest.dicom.pixel.FrameCodecs;
import dev.attest.dicom.pixel.PixelDataException;
import dev.attest.dicom.pixel.PixelDecoder;
import dev.attest.dicom.pixel.PixelDescription;
import dev.attest.dicom.pixel.SampleKind;
import dev.attest.dicom.pixel.StoredPixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The codec as {@link PixelDecoder} uses it on real DICOM files: registration, exact values
 * against DCMTK and pydicom's published ones, signedness, and errors that name file and frame.
 */
class JpegLsFrameCodecTest {

    private static StoredPixels decode(String file) throws IOException {
        return PixelDecoder.open(DicomReader.read(TestData.codecs(file))).decodeAll();
    }

    @Test
    void isRegisteredForBothJpegLsTransferSyntaxes() {
        assertInstanceOf(JpegLsFrameCodec.class, FrameCodecs.forSyntax(TransferSyntax.of("1.2.840.10008.1.2.4.80")).orElseThrow());
        assertInstanceOf(JpegLsFrameCodec.class, FrameCodecs.forSyntax(TransferSyntax.of("1.2.840.10008.1.2.4.81")).orElseThrow());
    }

    /** Near-lossless decoding is deterministic, so the references DCMTK made must come out to the last bit. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "cornerstone3d/CTImage.dcm_JPEGLSLossyTransferSyntax_1.2.840.10008.1.2.4.81.dcm",
            "pydicom/JPEGLSNearLossless_08.dcm",
            "pydicom/JPEGLSNearLossless_16.dcm",
            "pydicom/SC_rgb_jls_lossy_line.dcm"})
    void decodesNearLosslessFilesExactlyLikeDcmtk(String file) throws IOException {
        String raw = "reference-raw/" + file.replace('/', '_').replaceFirst("_", "__") + ".raw.gz";
        byte[] expected;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(TestData.codecs(raw)))) {
            expected = in.readAllBytes();
        }
        assertArrayEquals(expected, decode(file).toLittleEndianBytes());
    }

    @Test
    void matchesPydicomsPublishedValues() throws IOException {
        // pydicom tests/pixels/pixels_reference.py: JLSL_16_15_1_1_1F, JLSL_16_16_1_1_1F, JLSN_08_01_1_0_1F,
        // JLSN_16_16_1_0_1F, JLSN_08_08_1_0_3F_LINE, JLSL_08_08_3_0_1F_ILV0.
        StoredPixels signed15 = decode("pydicom-data/JLSL_16_15_1_1F.dcm");
        assertArrayEquals(new short[] {-2073, -2629, -1167, 5566, 11808, 15604}, column(signed15, 58, 59, 65));
        StoredPixels mr = decode("pydicom/MR_small_jpeg_ls_lossless.dcm");
        assertArrayEquals(new short[] {422, 319, 361}, Arrays.copyOfRange(mr.shorts(), 31, 34));
        assertArrayEquals(new short[] {366, 363, 322}, Arrays.copyOfRange(mr.shorts(), 31 * 64, 31 * 64 + 3));
        assertArrayEquals(new short[] {1369, 1129, 862}, Arrays.copyOfRange(mr.shorts(), 64 * 64 - 3, 64 * 64));
        assertArrayEquals(new short[] {170, 193, 191, 373, 1293, 2053, 1879, 1683, 1711}, column(mr, 35, 55, 64));
        byte[] near8 = decode("pydicom/JPEGLSNearLossless_08.dcm").bytes();
        int[] near8Column = {255, 125, 65, 30, 15, 5, 5, 0, 0};
        short[] near16 = decode("pydicom/JPEGLSNearLossless_16.dcm").shorts();
        int[] near16Column = {65535, 32765, 16385, 4095, 1025, 255, 65, 15, 5};
        for (int i = 0; i < 9; i++) {
            assertEquals(near8Column[i], near8[i * 5 * 10] & 0xFF, "JPEGLSNearLossless_08 row " + i * 5);
            assertEquals(near16Column[i], near16[i * 5 * 10] & 0xFFFF, "JPEGLSNearLossless_16 row " + i * 5);
        }
        byte[] line = decode("pydicom/SC_rgb_jls_lossy_line.dcm").bytes();
        int[][] lineRgb = {{255, 0, 0}, {255, 130, 130}, {0, 255, 0}, {130, 255, 130}, {0, 0, 255},
                {130, 130, 255}, {0, 0, 0}, {65, 65, 65}, {190, 190, 190}, {255, 255, 255}};
        byte[] planar = decode("pydicom-data/JLSL_RGB_ILV0.dcm").bytes();
        int[][] planarRgb = {{115, 109, 91}, {109, 105, 100}, {100, 111, 94}, {192, 53, 172}};
        for (int i = 0; i < 10; i++) {
            int at = i * 10 * 100 * 3;
            assertArrayEquals(lineRgb[i], new int[] {line[at] & 0xFF, line[at + 1] & 0xFF, line[at + 2] & 0xFF}, "row " + i * 10);
        }
        for (int i = 0; i < 4; i++) {
            int at = ((124 + i) * 256 + 40) * 3;
            assertArrayEquals(planarRgb[i], new int[] {planar[at] & 0xFF, planar[at + 1] & 0xFF, planar[at + 2] & 0xFF});
        }
    }

    @Test
    void decodesMultiFrameFilesFrameByFrame() throws IOException {
        StoredPixels jpegLs = decode("pydicom-data/emri_small_jpeg_ls_lossless.dcm");
        StoredPixels uncompressed = decode("pydicom-data/emri_small.dcm");
        assertArrayEquals(new int[] {10, 64, 64}, jpegLs.shape());
        assertArrayEquals(uncompressed.shorts(), jpegLs.shorts());
        StoredPixels fragmented = decode("dicomparser/CT0012.fragmented_no_bot_jpeg_ls.80.dcm");
        StoredPixels offsetTable = decode("dicomparser/CT0012.not_fragmented_bot_jpeg_ls.80.dcm");
        assertArrayEquals(new int[] {2, 512, 512}, fragmented.shape());
        assertArrayEquals(offsetTable.shorts(), fragmented.shorts());
    }

    @Test
    void signExtendsSignedValuesBelowTheTopAllocatedBit() throws DicomException, JpegLsException {
        // 12-bit two's complement patterns in 16 bits: 0x800 is -2048, 0xFFF is -1, 0x7FF is 2047.
        int[] patterns = {0x000, 0x7FF, 0x800, 0xFFF, 0x123, 0xEDC};
        byte[] stream = new TestEncoder(1, 6, 1, 12).encode(patterns);
        short[] out = new short[6];
        new JpegLsFrameCodec().decode(frame(stream), description(1, 6, 1, 16, 12, 1), out, 0);
        assertArrayEquals(new short[] {0, 2047, -2048, -1, 0x123, (short) 0xFEDC}, out);
        short[] unsigned = new short[6];
        new JpegLsFrameCodec().decode(frame(stream), description(1, 6, 1, 16, 12, 0), unsigned, 0);
        assertArrayEquals(new short[] {0, 0x7FF, 0x800, 0xFFF, 0x123, 0xEDC}, unsigned);
    }

    @Test
    void writesAtTheOffsetItIsGivenAndNothingElse() throws DicomException, JpegLsException {
        int[] rgb = Codestreams.image(3, 4, 3, 8, 1);
        byte[] stream = new TestEncoder(3, 4, 3, 8).interleave(0).encode(rgb);
        byte[] out = new byte[5 + 36 + 5];
        Arrays.fill(out, (byte) 0x5A);
        new JpegLsFrameCodec().decode(frame(stream), description(3, 4, 3, 8, 8, 0), out, 5);
        for (int i = 0; i < 36; i++) {
            assertEquals(rgb[i], out[5 + i] & 0xFF, "sample " + i);
        }
        assertEquals(0x5A, out[4]);
        assertEquals(0x5A, out[41]);
    }

    @Test
    void reportsBrokenFramesWithFileFrameAndCause() throws IOException {
        byte[] stream = CorruptStreamTest.ctStream();
        PixelDescription ct = description(512, 512, 1, 16, 16, 1);
        byte[] truncated = Arrays.copyOf(stream, 5000);
        PixelDataException e = assertThrows(PixelDataException.class,
                () -> new JpegLsFrameCodec().decode(new EncodedFrame("ct.dcm", 7, ByteBuffer.wrap(truncated), 0), ct, new short[512 * 512], 0));
        assertTrue(e.getMessage().startsWith("ct.dcm: frame 7: JPEG-LS codestream cannot be decoded: the scan data ends before line "),
                e.getMessage());
        assertEquals(JpegLsException.Kind.TRUNCATED, ((JpegLsException) e.getCause()).kind());

        PixelDataException small = assertThrows(PixelDataException.class, () -> new JpegLsFrameCodec()
                .decode(new EncodedFrame("ct.dcm", 0, ByteBuffer.wrap(stream), 0), description(16, 16, 1, 16, 16, 1), new short[256], 0));
        assertTrue(small.getMessage().contains("frame 0: JPEG-LS codestream cannot be decoded: the frame header declares 512x512 with 1"
                + " component(s) but the DICOM header says 16x16 with 1 sample(s) per pixel (at byte 2"), small.getMessage());

        PixelDataException bytes = assertThrows(PixelDataException.class, () -> new JpegLsFrameCodec()
                .decode(new EncodedFrame("ct.dcm", 0, ByteBuffer.wrap(stream), 0), description(512, 512, 1, 8, 8, 0), new byte[512 * 512], 0));
        assertTrue(bytes.getMessage().contains("16-bit samples do not fit in Bits Allocated 8"), bytes.getMessage());

        byte[] mapped = stream.clone();
        mapped[Codestreams.find(mapped, 0xDA, 0) + 6] = 5;
        PixelDataException unsupported = assertThrows(PixelDataException.class, () -> new JpegLsFrameCodec()
                .decode(new EncodedFrame("ct.dcm", 2, ByteBuffer.wrap(mapped), 0), ct, new short[512 * 512], 0));
        assertTrue(unsupported.getMessage().contains("frame 2: JPEG-LS codestream uses a feature Attest does not decode: "
                + "component 1 uses mapping table 5"), unsupported.getMessage());
    }

    @Test
    void readsFramesFromReadOnlyAndOffsetBuffers() throws IOException, DicomException {
        byte[] stream = CorruptStreamTest.ctStream();
        byte[] padded = new byte[stream.length + 10];
        System.arraycopy(stream, 0, padded, 7, stream.length);
        short[] direct = new short[512 * 512];
        short[] fromSlice = new short[512 * 512];
        PixelDescription ct = description(512, 512, 1, 16, 16, 1);
        new JpegLsFrameCodec().decode(frame(stream), ct, direct, 0);
        ByteBuffer slice = ByteBuffer.wrap(padded, 7, stream.length).slice().asReadOnlyBuffer();
        new JpegLsFrameCodec().decode(new EncodedFrame("ct.dcm", 0, slice, 0), ct, fromSlice, 0);
        assertArrayEquals(direct, fromSlice);
        ByteBuffer offset = ByteBuffer.wrap(padded, 7, stream.length);
        Arrays.fill(fromSlice, (short) 0);
        new JpegLsFrameCodec().decode(new EncodedFrame("ct.dcm", 0, offset, 0), ct, fromSlice, 0);
        assertArrayEquals(direct, fromSlice);
    }

    @Test
    void boundsTheFrameSizeItsCodedBytesCanExpandTo() {
        // Every coded line costs at least one bit: 8 lines per byte of at most 65535 x 4 samples of 2 bytes.
        assertEquals(100L * 8 * 65535 * 4 * 2, new JpegLsFrameCodec().maxNativeFrameBytes(100));
        assertEquals(Long.MAX_VALUE, new JpegLsFrameCodec().maxNativeFrameBytes(Long.MAX_VALUE / 4));
    }

    private static short[] column(StoredPixels px, int x, int fromRow, int toRow) {
        short[] out = new short[toRow - fromRow];
        for (int r = fromRow; r < toRow; r++) {
            out[r - fromRow] = px.shorts()[r * px.columns() + x];
        }
        return out;
    }

    private static EncodedFrame frame(byte[] stream) {
        return new EncodedFrame("test.dcm", 0, ByteBuffer.wrap(stream), 0);
    }

    private static PixelDescription description(int rows, int columns, int samples, int bitsAllocated, int bitsStored,
                                                int pixelRepresentation) {
        return new PixelDescription(rows, columns, samples, bitsAllocated, bitsStored, bitsStored - 1, pixelRepresentation,
                0, samples == 3 ? "RGB" : "MONOCHROME2", 1, SampleKind.INTEGER);
    }
}
