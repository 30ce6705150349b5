package dev.attest.dicom.pixel;

import dev.attest.dicom.TestData;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomException;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.TransferSyntax;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Random;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RLE Lossless and Deflated Image Frame Compression, on real SEG files and on malformed frames. */
class EncapsulatedCodecsTest {
    private static final TransferSyntax DEFLATED_FRAMES = TransferSyntax.of("1.2.840.10008.1.2.8.1");

    @Test
    void decodesTheRleLiverSegmentationToTheUncompressedOnesFrames() throws IOException {
        StoredPixels expected = PixelDecoder.open(TestData.read("seg-sr/dcmqi_liver_seg.dcm")).decodeAll();
        StoredPixels rle = PixelDecoder.open(TestData.read("seg-sr/pydicom-data_liver_rle.dcm")).decodeAll();
        assertArrayEquals(new int[] {3, 512, 512}, rle.shape());
        assertArrayEquals(expected.bytes(), rle.bytes());
    }

    @Test
    void decodesTheDeflatedLiverSegmentationToTheUncompressedOnesFrames() throws IOException {
        StoredPixels expected = PixelDecoder.open(TestData.read("seg-sr/dcmqi_liver_seg.dcm")).decodeAll();
        StoredPixels deflated = PixelDecoder.open(TestData.read("seg-sr/pydicom-data_liver_deflate.dcm")).decodeAll();
        assertArrayEquals(expected.bytes(), deflated.bytes());
    }

    @Test
    void decodesRleColourWithReplicateRunsAndNoOps() throws IOException {
        // 4 pixels RGB: R = 7 7 7 7 (replicate), G = 1 2 3 4 (literal), B = 9 9 | 5 6 with a -128 no-op between.
        byte[] frame = rle(new byte[] {-3, 7}, new byte[] {3, 1, 2, 3, 4}, new byte[] {-1, 9, -128, 1, 5, 6});
        DicomDataset ds = Synthetic.pixelModule(TransferSyntax.RLE_LOSSLESS, 2, 2, 3, 8, 8, 0, "RGB", 1);
        StoredPixels px = decode(ds, frame).decodeFrame(0);
        assertArrayEquals(new byte[] {7, 1, 9, 7, 2, 9, 7, 3, 5, 7, 4, 6}, px.bytes());
    }

    @Test
    void signExtendsRleSixteenBitValuesFromHighBit() throws IOException {
        // Two 12-bit signed pixels 0x0FFF (-1) and 0x07FF (2047), high bytes first in segment 1.
        byte[] frame = rle(new byte[] {1, 0x0F, 0x07}, new byte[] {1, (byte) 0xFF, (byte) 0xFF});
        DicomDataset ds = Synthetic.pixelModule(TransferSyntax.RLE_LOSSLESS, 1, 2, 1, 16, 12, 1, "MONOCHROME2", 1);
        StoredPixels px = decode(ds, frame).decodeFrame(0);
        assertArrayEquals(new short[] {-1, 2047}, px.shorts());
    }

    @Test
    void rejectsRleHeadersWithTooManySegmentsOrOffsetsOutsideTheFrame() {
        DicomDataset grey = Synthetic.pixelModule(TransferSyntax.RLE_LOSSLESS, 2, 2, 1, 8, 8, 0, "MONOCHROME2", 1);
        byte[] sixteen = rle(new byte[] {3, 1, 2, 3, 4});
        ByteBuffer.wrap(sixteen).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 16);
        assertMessage(grey, sixteen, "16 segments");

        byte[] outside = rle(new byte[] {3, 1, 2, 3, 4});
        ByteBuffer.wrap(outside).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 1000);
        assertMessage(grey, outside, "offset 1000");

        byte[] wrongCount = rle(new byte[] {3, 1, 2, 3, 4}, new byte[] {3, 1, 2, 3, 4});
        assertMessage(grey, wrongCount, "declares 2 segments but 1 sample(s) of 8 bits need 1");

        assertMessage(grey, new byte[40], "needs 64 bytes");
    }

    @Test
    void rejectsRleRunsThatPassTheSegmentOrFallShort() {
        DicomDataset grey = Synthetic.pixelModule(TransferSyntax.RLE_LOSSLESS, 2, 2, 1, 8, 8, 0, "MONOCHROME2", 1);
        assertMessage(grey, rle(new byte[] {10, 1, 2}), "passes the end of the segment");
        assertMessage(grey, rle(new byte[] {1, 1, 2}), "decodes to 2 bytes but the image needs 4");
        assertMessage(grey, rle(new byte[] {1, 1, 2, -5}), "no byte to repeat");
    }

    @Test
    void refusesToAllocateForAnImageTheRleDataCannotHold() {
        DicomDataset huge = Synthetic.pixelModule(TransferSyntax.RLE_LOSSLESS, 30000, 30000, 1, 8, 8, 0, "MONOCHROME2", 1);
        assertMessage(huge, rle(new byte[] {-127, 0}), "cannot expand");
    }

    @Test
    void endsOnEveryRandomRleFrameWithValuesOrATypedError() {
        Random random = new Random(20240611);
        DicomDataset ds = Synthetic.pixelModule(TransferSyntax.RLE_LOSSLESS, 16, 16, 3, 16, 16, 1, "RGB", 1);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            int decoded = 0;
            for (int round = 0; round < 2000; round++) {
                byte[] frame = new byte[64 + random.nextInt(600)];
                random.nextBytes(frame);
                ByteBuffer header = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
                if (round % 2 == 0) { // a plausible header half of the time, so the segments get read
                    header.putInt(0, 6);
                    for (int s = 0; s < 6; s++) {
                        header.putInt(4 + 4 * s, 64 + s * (frame.length - 64) / 6);
                    }
                }
                try {
                    decode(ds, frame).decodeFrame(0);
                    decoded++;
                } catch (PixelDataException expected) {
                    // the only acceptable failure
                }
            }
            assertTrue(decoded < 2000);
        });
    }

    @Test
    void inflatesDeflatedSixteenBitFrames() throws IOException {
        short[] values = {-3, 0, 1000, -32768, 32767, 12};
        ByteBuffer raw = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        for (short v : values) {
            raw.putShort(v);
        }
        DicomDataset ds = Synthetic.pixelModule(DEFLATED_FRAMES, 2, 3, 1, 16, 16, 1, "MONOCHROME2", 1);
        DicomFile file = Synthetic.encapsulatedFile("dfl.dcm", DEFLATED_FRAMES, ds, new byte[0], rawDeflate(raw.array()));
        assertArrayEquals(values, PixelDecoder.open(file).decodeFrame(0).shorts());
    }

    @Test
    void rejectsCorruptOrShortDeflatedFrames() throws IOException {
        DicomDataset ds = Synthetic.pixelModule(DEFLATED_FRAMES, 4, 4, 1, 8, 8, 0, "MONOCHROME2", 1);
        DicomFile corrupt = Synthetic.encapsulatedFile("corrupt.dcm", DEFLATED_FRAMES, ds, new byte[0],
                new byte[] {(byte) 0xFF, (byte) 0xFF, 1, 2, 3, 4});
        assertThrows(PixelDataException.class, () -> PixelDecoder.open(corrupt).decodeFrame(0));
        DicomDataset ds2 = Synthetic.pixelModule(DEFLATED_FRAMES, 4, 4, 1, 8, 8, 0, "MONOCHROME2", 1);
        DicomFile shortFrame = Synthetic.encapsulatedFile("short.dcm", DEFLATED_FRAMES, ds2, new byte[0], rawDeflate(new byte[10]));
        PixelDataException e = assertThrows(PixelDataException.class, () -> PixelDecoder.open(shortFrame).decodeFrame(0));
        assertTrue(e.getMessage().contains("inflates to 10 bytes but the image needs 16"), e.getMessage());
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static PixelDecoder decode(DicomDataset ds, byte[] frame) throws DicomException {
        return PixelDecoder.open(Synthetic.encapsulatedFile("rle.dcm", TransferSyntax.RLE_LOSSLESS, ds, new byte[0], frame));
    }

    private static void assertMessage(DicomDataset ds, byte[] frame, String expected) {
        PixelDataException e = assertThrows(PixelDataException.class, () -> decode(ds, frame).decodeFrame(0));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("rle.dcm"), e.getMessage());
    }

    /** An RLE frame: the 64-byte header, then the given PackBits segments. */
    private static byte[] rle(byte[]... segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(segments.length);
        int at = 64;
        for (byte[] s : segments) {
            header.putInt(at);
            at += s.length;
        }
        out.writeBytes(header.array());
        for (byte[] s : segments) {
            out.writeBytes(s);
        }
        return out.toByteArray();
    }

    private static byte[] rawDeflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[data.length + 64];
        int n = deflater.deflate(buffer);
        deflater.end();
        assertEquals(true, n > 0);
        return java.util.Arrays.copyOf(buffer, n);
    }
}
