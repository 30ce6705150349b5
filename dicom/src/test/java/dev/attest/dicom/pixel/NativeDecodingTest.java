package dev.attest.dicom.pixel;

import dev.attest.dicom.TestData;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomElement;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.Vr;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Native (uncompressed) pixel data: bit depths, sign, byte order, planes, colour, multi-frame. */
class NativeDecodingTest {

    @Test
    void signExtendsTwelveBitSignedValuesExactlyAsDcm2niixDoes() throws IOException {
        StoredPixels px = PixelDecoder.open(TestData.read("dicom-codecs/dcm_qa_12bit/12bitSigned_0x0F0F.dcm")).decodeAll();
        assertEquals("int16", px.dtypeName());
        short[] v = px.shorts();
        // The stripes the data set's README describes: 0x0F0F is -241 and 0xFFFF is -1 in 12 bits.
        assertTrue(count(v, -241) > 0 && count(v, -1) > 0);
        short[] nifti = niftiInt16(TestData.path("dicom-codecs/dcm_qa_12bit/4.nii"), 35 * 64 * 64);
        assertMosaicEquals(v, nifti, 0);
    }

    @Test
    void keepsBitsAboveHighBitOfUnsignedValuesAsTheReferenceDoes() throws IOException {
        // pydicom (the reference) leaves unsigned values unmasked; dcm2niix masks them to Bits Stored.
        StoredPixels px = PixelDecoder.open(TestData.read("dicom-codecs/dcm_qa_12bit/12bitUnsigned.dcm")).decodeAll();
        short[] v = px.shorts();
        int above = 0;
        int max = 0;
        for (short s : v) {
            above += (s & 0xFFFF) > 4095 ? 1 : 0;
            max = Math.max(max, s & 0xFFFF);
        }
        assertEquals(42, above);
        assertEquals(4379, max);
        short[] nifti = niftiInt16(TestData.path("dicom-codecs/dcm_qa_12bit/2.nii"), 35 * 64 * 64);
        assertMosaicEquals(v, nifti, 0x0FFF);
    }

    @Test
    void decodesOneBitFramesThatStartInTheMiddleOfAByte() throws IOException {
        // Three 3 × 3 frames, 27 bits, least significant bit first: frame 1 starts at bit 1 of
        // byte 1, frame 2 at bit 2 of byte 2.
        //   byte 0 = 1011 0101  -> bits 0..7  = 1 0 1 0 1 1 0 1
        //   byte 1 = 0110 0011  -> bits 8..15 = 1 1 0 0 0 1 1 0
        //   byte 2 = 1111 0000  -> bits 16..23 = 0 0 0 0 1 1 1 1
        //   byte 3 = 0000 0101  -> bits 24..26 = 1 0 1
        byte[] data = {(byte) 0b1011_0101, (byte) 0b0110_0011, (byte) 0b1111_0000, (byte) 0b0000_0101};
        DicomDataset ds = Synthetic.pixelModule(TransferSyntax.EXPLICIT_VR_LE, 3, 3, 1, 1, 1, 0, "MONOCHROME2", 3);
        DicomFile file = Synthetic.nativeFile("bits.dcm", TransferSyntax.EXPLICIT_VR_LE, ds, Tag.PixelData, Vr.OB, data);
        PixelDecoder decoder = PixelDecoder.open(file);
        assertArrayEquals(new byte[] {1, 0, 1, 0, 1, 1, 0, 1, 1}, decoder.decodeFrame(0).bytes());
        assertArrayEquals(new byte[] {1, 0, 0, 0, 1, 1, 0, 0, 0}, decoder.decodeFrame(1).bytes());
        assertArrayEquals(new byte[] {0, 0, 1, 1, 1, 1, 1, 0, 1}, decoder.decodeFrame(2).bytes());
        StoredPixels all = decoder.decodeAll();
        assertEquals("uint8", all.dtypeName());
        assertArrayEquals(new int[] {3, 3, 3}, all.shape());
        assertArrayEquals(new byte[] {1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 1},
                all.bytes());
    }

    @Test
    void decodesOneBitSegmentationFramesOfTheDcmqiLiver() throws IOException {
        StoredPixels px = PixelDecoder.open(TestData.read("seg-sr/dcmqi_liver_seg.dcm")).decodeAll();
        assertArrayEquals(new int[] {3, 512, 512}, px.shape());
        int ones = 0;
        for (byte b : px.bytes()) {
            assertTrue(b == 0 || b == 1);
            ones += b;
        }
        // The set bits of the packed Pixel Data, counted independently of the unpacking.
        DicomElement.Bulk bulk = (DicomElement.Bulk) TestData.read("seg-sr/dcmqi_liver_seg.dcm").pixelData().orElseThrow();
        int bits = 0;
        for (int i = 0; i < bulk.data().remaining(); i++) {
            bits += Integer.bitCount(bulk.data().get(i) & 0xFF);
        }
        assertEquals(bits, ones);
    }

    @Test
    void interleavesPlanarConfigurationOne() throws IOException {
        // 2 × 1 RGB, planes R R G G B B.
        DicomDataset ds = Synthetic.pixelModule(TransferSyntax.EXPLICIT_VR_LE, 1, 2, 3, 8, 8, 0, "RGB", 1);
        ds.setInts(Tag.PlanarConfiguration, Vr.US, 1);
        DicomFile file = Synthetic.nativeFile("planar.dcm", TransferSyntax.EXPLICIT_VR_LE, ds, Tag.PixelData, Vr.OB,
                new byte[] {10, 11, 20, 21, 30, 31});
        assertArrayEquals(new byte[] {10, 20, 30, 11, 21, 31}, PixelDecoder.open(file).decodeFrame(0).bytes());
    }

    @Test
    void swapsEightBitSamplesHeldInBigEndianOtherWord() throws IOException {
        // PS3.5 7.3: big-endian OW is swapped per 16-bit word, so samples 1 2 3 4 arrive as 2 1 4 3.
        DicomDataset ds = Synthetic.pixelModule(TransferSyntax.EXPLICIT_VR_BE, 2, 2, 1, 8, 8, 0, "MONOCHROME2", 1);
        DicomFile file = Synthetic.nativeFile("be8.dcm", TransferSyntax.EXPLICIT_VR_BE, ds, Tag.PixelData, Vr.OW,
                new byte[] {2, 1, 4, 3});
        assertArrayEquals(new byte[] {1, 2, 3, 4}, PixelDecoder.open(file).decodeFrame(0).bytes());
    }

    @Test
    void decodesBigEndianSixteenBitLikeLittleEndian() throws IOException {
        StoredPixels le = PixelDecoder.open(TestData.read("dicom-codecs/cornerstone3d/CTImage.dcm")).decodeAll();
        StoredPixels be = PixelDecoder.open(TestData.read(
                "dicom-codecs/cornerstone3d/CTImage.dcm_BigEndianExplicitTransferSyntax_1.2.840.10008.1.2.2.dcm")).decodeAll();
        assertArrayEquals(le.shorts(), be.shorts());
    }

    @Test
    void decodesSixteenBitGreyStraightIntoASliceArray() throws IOException {
        PixelDecoder decoder = PixelDecoder.open(TestData.read("dicom-codecs/cornerstone3d/CTImage.dcm"));
        short[] slice = new short[512 * 512];
        decoder.decodeInto(0, slice);
        assertArrayEquals(decoder.decodeFrame(0).shorts(), slice);
        assertEquals(-2000, min(slice));
        assertEquals(2402, max(slice));
        assertThrows(IllegalArgumentException.class, () -> decoder.decodeInto(0, new short[100]));
        PixelDecoder rgb = PixelDecoder.open(TestData.read("dicom-codecs/pydicom-data/color-pl.dcm"));
        assertThrows(IllegalArgumentException.class, () -> rgb.decodeInto(0, new short[120 * 256]));
    }

    @Test
    void decodesEachFrameOfAnEnhancedMultiFrameImageLikeTheWhole() throws IOException {
        PixelDecoder decoder = PixelDecoder.open(TestData.read("dicom-codecs/dcm_qa_enh_siemens_xa10/6_1.dcm"));
        assertEquals(6, decoder.frameCount());
        short[] all = decoder.decodeAll().shorts();
        for (int f = 0; f < 6; f++) {
            short[] frame = new short[64 * 64];
            decoder.decodeInto(f, frame);
            assertArrayEquals(Arrays.copyOfRange(all, f * 4096, (f + 1) * 4096), frame, "frame " + f);
        }
    }

    @Test
    void decodesFramesInParallelFromOneDecoder() throws IOException {
        PixelDecoder decoder = PixelDecoder.open(TestData.read("dicom-codecs/dcm_qa_agfa/Siemens_011-0001.img"));
        short[] all = decoder.decodeAll().shorts();
        short[][] frames = new short[decoder.frameCount()][64 * 64];
        java.util.stream.IntStream.range(0, frames.length).parallel().forEach(f -> {
            try {
                decoder.decodeInto(f, frames[f]);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        for (int f = 0; f < frames.length; f++) {
            assertArrayEquals(Arrays.copyOfRange(all, f * 4096, (f + 1) * 4096), frames[f], "frame " + f);
        }
    }

    @Test
    void convertsYbrFullToRgb() throws IOException {
        // Y 76, Cb 85, Cr 255 is pure red (PS3.3 C.7.6.3.1.2 with R 254, G 0, B 0 after rounding);
        // Y 128, Cb 128, Cr 128 is mid grey.
        DicomDataset ds = Synthetic.pixelModule(TransferSyntax.EXPLICIT_VR_LE, 1, 2, 3, 8, 8, 0, "YBR_FULL", 1);
        DicomFile file = Synthetic.nativeFile("ybr.dcm", TransferSyntax.EXPLICIT_VR_LE, ds, Tag.PixelData, Vr.OB,
                new byte[] {76, 85, (byte) 255, (byte) 128, (byte) 128, (byte) 128});
        StoredPixels px = PixelDecoder.open(file).decodeFrame(0);
        assertArrayEquals(new byte[] {(byte) 254, 0, 0, (byte) 128, (byte) 128, (byte) 128}, px.bytes());
        assertEquals("RGB", px.photometric());
        assertTrue(px.convertedFromYbr());
    }

    @Test
    void upsamplesAndConvertsYbrFull422PixelPairs() throws IOException {
        // One pair Y1 Y2 Cb Cr: both pixels share Cb Cr.
        DicomDataset ds = Synthetic.pixelModule(TransferSyntax.EXPLICIT_VR_LE, 1, 2, 3, 8, 8, 0, "YBR_FULL_422", 1);
        DicomFile file = Synthetic.nativeFile("ybr422.dcm", TransferSyntax.EXPLICIT_VR_LE, ds, Tag.PixelData, Vr.OB,
                new byte[] {76, (byte) 128, 85, (byte) 255});
        StoredPixels px = PixelDecoder.open(file).decodeFrame(0);
        // Second pixel: Y 128 with the same chrominance: R = 128 + 1.402 × 127 → 255 (clamped),
        // G = 128 + 0.344 × 43 − 0.714 × 127 = 52.1 → 52, B = 128 − 1.772 × 43 = 51.8 → 52.
        assertArrayEquals(new byte[] {(byte) 254, 0, 0, (byte) 255, 52, 52}, px.bytes());
        assertTrue(px.convertedFromYbr());
    }

    @Test
    void leavesMonochrome1AsStoredForTheViewerToInvert() throws IOException {
        StoredPixels px = PixelDecoder.open(TestData.read("dicom-codecs/highdicom/dx_image.dcm")).decodeAll();
        assertEquals("MONOCHROME1", px.photometric());
        assertFalse(px.convertedFromYbr());
    }

    @Test
    void decodesDoubleFloatPixelData() throws IOException {
        DicomDataset ds = Synthetic.pixelModule(TransferSyntax.EXPLICIT_VR_LE, 1, 2, 1, 64, 64, 0, "MONOCHROME2", 1);
        ds.remove(Tag.BitsStored);
        ds.remove(Tag.HighBit);
        ds.remove(Tag.PixelRepresentation);
        byte[] data = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(-1.5).putDouble(1e300).array();
        DicomFile file = Synthetic.nativeFile("od.dcm", TransferSyntax.EXPLICIT_VR_LE, ds, Tag.DoubleFloatPixelData, Vr.OD, data);
        StoredPixels px = PixelDecoder.open(file).decodeFrame(0);
        assertEquals("float64", px.dtypeName());
        assertArrayEquals(new double[] {-1.5, 1e300}, px.doubles());
        assertArrayEquals(data, px.toLittleEndianBytes());
    }

    @Test
    void decodesSignedThirtyTwoAndSixtyFourBitIntegers() throws IOException {
        DicomDataset ds32 = Synthetic.pixelModule(TransferSyntax.EXPLICIT_VR_BE, 1, 2, 1, 32, 20, 1, "MONOCHROME2", 1);
        byte[] be = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putInt(0x000F_FFFF).putInt(0x7FFFF).array();
        StoredPixels px = PixelDecoder.open(Synthetic.nativeFile("s32.dcm", TransferSyntax.EXPLICIT_VR_BE, ds32,
                Tag.PixelData, Vr.OW, be)).decodeFrame(0);
        assertEquals("int32", px.dtypeName());
        assertArrayEquals(new int[] {-1, 0x7FFFF}, px.ints()); // 20-bit two's complement
        DicomDataset ds64 = Synthetic.pixelModule(TransferSyntax.EXPLICIT_VR_LE, 1, 1, 1, 64, 64, 0, "MONOCHROME2", 1);
        byte[] le = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(-2L).array();
        StoredPixels u64 = PixelDecoder.open(Synthetic.nativeFile("u64.dcm", TransferSyntax.EXPLICIT_VR_LE, ds64,
                Tag.PixelData, Vr.OV, le)).decodeFrame(0);
        assertEquals("uint64", u64.dtypeName());
        assertEquals(18446744073709551614.0, u64.value(0));
    }

    @Test
    void reportsTruncatedPixelDataWithTheNeededAndAvailableBytes() throws IOException {
        DicomFile file = TestData.read("dicom-codecs/pydicom/MR_truncated.dcm");
        PixelDataException e = assertThrows(PixelDataException.class, () -> PixelDecoder.open(file));
        assertTrue(e.getMessage().contains("MR_truncated.dcm"), e.getMessage());
        assertTrue(e.getMessage().contains("needs 8192 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("after 8130"), e.getMessage());
    }

    // ---- helpers ----------------------------------------------------------------------------

    /**
     * dcm2niix splits the 6 × 6 mosaic of 64 × 64 tiles into 35 slices and flips each vertically
     * (rows run the other way in NIfTI); compares tile by tile, optionally masking our values.
     */
    private static void assertMosaicEquals(short[] mosaic, short[] nifti, int mask) {
        int checked = 0;
        for (int z = 0; z < 35; z++) {
            int tileRow = z / 6;
            int tileColumn = z % 6;
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    int ours = mosaic[(tileRow * 64 + y) * 384 + tileColumn * 64 + x];
                    if (mask != 0) {
                        ours &= mask;
                    }
                    assertEquals(nifti[(z * 64 + (63 - y)) * 64 + x], ours, "slice " + z + " row " + y + " column " + x);
                    checked++;
                }
            }
        }
        assertEquals(35 * 64 * 64, checked);
    }

    /** The int16 voxels of a NIfTI-1 file (vox_offset at byte 108, little endian). */
    private static short[] niftiInt16(java.nio.file.Path path, int count) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(4, b.getShort(70), "datatype int16");
        int offset = (int) b.getFloat(108);
        short[] out = new short[count];
        b.position(offset);
        b.asShortBuffer().get(out);
        return out;
    }

    private static int count(short[] v, int value) {
        int n = 0;
        for (short s : v) {
            n += s == value ? 1 : 0;
        }
        return n;
    }

    private static int min(short[] v) {
        int m = Integer.MAX_VALUE;
        for (short s : v) {
            m = Math.min(m, s);
        }
        return m;
    }

    private static int max(short[] v) {
        int m = Integer.MIN_VALUE;
        for (short s : v) {
            m = Math.max(m, s);
        }
        return m;
    }
}
