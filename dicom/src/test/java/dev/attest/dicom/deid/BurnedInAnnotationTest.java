package dev.attest.dicom.deid;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TestData;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.Vr;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.io.DicomWriter;
import dev.attest.dicom.pixel.FrameCache;
import dev.attest.dicom.pixel.PixelDecoder;
import dev.attest.dicom.pixel.StoredPixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BurnedInAnnotationTest {
    private static final DeidContext CONTEXT = new DeidContext("CASE-0001", null, new DateShift(-10), null, List.of());

    private static Deidentifier deidentifier() {
        return new Deidentifier(DeidOptions.basic(), new UidMap(UidMapTest.SECRET));
    }

    /** A native image whose every sample is 1-based index + offset, so each blanked sample is visible. */
    private static DicomDataset image(int rows, int columns, int spp, int bits, int planar, int frames, String photometric) {
        DicomDataset ds = new DicomDataset();
        ds.setString(Tag.SOPClassUID, Vr.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, Vr.UI, "1.2.3.4.5.6.7");
        ds.setString(Tag.Modality, Vr.CS, "OT");
        ds.setString(Tag.BurnedInAnnotation, Vr.CS, "YES");
        ds.setInts(Tag.Rows, Vr.US, rows);
        ds.setInts(Tag.Columns, Vr.US, columns);
        ds.setInts(Tag.SamplesPerPixel, Vr.US, spp);
        if (spp > 1) {
            ds.setInts(Tag.PlanarConfiguration, Vr.US, planar);
        }
        ds.setString(Tag.PhotometricInterpretation, Vr.CS, photometric);
        ds.setInts(Tag.BitsAllocated, Vr.US, bits);
        ds.setInts(Tag.BitsStored, Vr.US, bits);
        ds.setInts(Tag.HighBit, Vr.US, bits - 1);
        ds.setInts(Tag.PixelRepresentation, Vr.US, 0);
        ds.setString(Tag.NumberOfFrames, Vr.IS, Integer.toString(frames));
        int samples = rows * columns * spp * frames;
        ByteBuffer b = ByteBuffer.allocate(Math.max(1, samples * bits / 8)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            switch (bits) {
                case 8 -> b.put((byte) (i % 250 + 1));
                case 16 -> b.putShort((short) (i + 1));
                case 32 -> b.putInt(i + 100_000);
                default -> throw new IllegalArgumentException();
            }
        }
        ds.setBytes(Tag.PixelData, bits == 8 ? Vr.OB : Vr.OW, b.array());
        return ds;
    }

    private static StoredPixels decode(DicomFile f) throws Exception {
        return PixelDecoder.open(f, FrameCache.disabled()).decodeAll();
    }

    /** Round trip through our writer and reader, then the stored values. */
    private static StoredPixels written(DeidResult r) throws Exception {
        DeidResult.Deidentified d = assertInstanceOf(DeidResult.Deidentified.class, r);
        byte[] bytes = DicomWriter.toBytes(d.dataset(), d.transferSyntax());
        return decode(DicomReader.read("cleaned", bytes));
    }

    /** Every sample inside a rectangle is zero, every other one equals the original. */
    private static void assertBlanked(StoredPixels before, StoredPixels after, List<PixelRect> rects) {
        assertEquals(before.size(), after.size());
        int spp = before.samplesPerPixel();
        int inside = 0;
        for (int i = 0; i < before.size(); i++) {
            int pixel = i / spp;
            int x = pixel % before.columns();
            int y = pixel / before.columns() % before.rows();
            boolean blank = rects.stream().anyMatch(r -> x >= r.x() && x < r.x() + r.width() && y >= r.y() && y < r.y() + r.height());
            if (blank) {
                inside++;
                assertEquals(0.0, after.value(i), "sample " + i + " at " + x + "," + y + " inside a rectangle");
            } else {
                assertEquals(before.value(i), after.value(i), "sample " + i + " at " + x + "," + y + " outside");
            }
        }
        assertTrue(inside > 0);
    }

    @Test
    void refusesAFileFlaggedWithBurnedInAnnotationNamingTheFile() {
        BurnedInAnnotationException e = assertThrows(BurnedInAnnotationException.class,
                () -> deidentifier().deidentify("us-0042.dcm", image(4, 4, 1, 8, 0, 1, "MONOCHROME2"), CONTEXT));
        assertEquals("us-0042.dcm", e.source());
        assertTrue(e.getMessage().startsWith("us-0042.dcm: Burned In Annotation (0028,0301) is YES"), e.getMessage());
    }

    @Test
    void excludesTheFileWhenTheUserSaysSo() throws Exception {
        DeidResult r = deidentifier().deidentify("x.dcm", image(4, 4, 1, 8, 0, 1, "MONOCHROME2"),
                CONTEXT.withBurnedIn(BurnedInDecision.exclude()));
        assertEquals("burned-in annotation", assertInstanceOf(DeidResult.Excluded.class, r).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8/1/0", "16/1/0", "32/1/0", "8/3/0", "8/3/1", "16/3/1"})
    void blanksRectanglesInEveryFrameOfNativePixelsOfAnyDepthAndLayout(String bitsSamplesPlanar) throws Exception {
        String[] p = bitsSamplesPlanar.split("/");
        int bits = Integer.parseInt(p[0]);
        int spp = Integer.parseInt(p[1]);
        DicomDataset ds = image(6, 7, spp, bits, Integer.parseInt(p[2]), 3, spp == 3 ? "RGB" : "MONOCHROME2");
        List<PixelRect> rects = List.of(new PixelRect(1, 2, 3, 2), new PixelRect(6, 0, 1, 1));
        StoredPixels before = decode(DicomReader.read("in", DicomWriter.toBytes(ds, TransferSyntax.EXPLICIT_VR_LE)));
        DeidResult r = deidentifier().deidentify("in", ds, CONTEXT.withBurnedIn(new BurnedInDecision.Clean(rects)));
        assertBlanked(before, written(r), rects);
        DicomDataset out = ((DeidResult.Deidentified) r).dataset();
        assertEquals("NO", out.getString(Tag.BurnedInAnnotation));
        assertTrue(out.getSequence(0x00120064).stream().anyMatch(i -> "113101".equals(i.getString(0x00080100))),
                "Clean Pixel Data Option code");
        assertEquals(2, r.log().rectanglesCleaned());
    }

    @Test
    void clearsSingleBitsOfBitPackedFramesThatDoNotStartOnAByte() throws Exception {
        // 3 x 5 = 15 bits a frame: frame 1 starts at bit 15, inside the second byte.
        DicomDataset ds = image(3, 5, 1, 8, 0, 2, "MONOCHROME2");
        ds.setInts(Tag.BitsAllocated, Vr.US, 1);
        ds.setInts(Tag.BitsStored, Vr.US, 1);
        ds.setInts(Tag.HighBit, Vr.US, 0);
        ds.setBytes(Tag.PixelData, Vr.OB, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        List<PixelRect> rects = List.of(new PixelRect(1, 1, 2, 2));
        DeidResult r = deidentifier().deidentify("seg", ds, CONTEXT.withBurnedIn(new BurnedInDecision.Clean(rects)));
        byte[] packed = ((DeidResult.Deidentified) r).dataset().getBytes(Tag.PixelData);
        // Bits cleared: frame 0 at 1*5+1, 1*5+2, 2*5+1, 2*5+2 = 6, 7, 11, 12; frame 1 the same + 15 = 21, 22, 26, 27.
        int expected0 = 0xFFFF & ~(1 << 6 | 1 << 7 | 1 << 11 | 1 << 12);
        assertEquals((byte) expected0, packed[0]);
        assertEquals((byte) (expected0 >>> 8), packed[1]);
        int expected1 = 0xFFFF & ~(1 << (21 - 16) | 1 << (22 - 16) | 1 << (26 - 16) | 1 << (27 - 16));
        assertEquals((byte) expected1, packed[2]);
        assertEquals((byte) (expected1 >>> 8), packed[3]);
    }

    @Test
    void blanksWholePixelPairsOfSubsampledYbr() throws Exception {
        DicomDataset ds = image(2, 4, 3, 8, 0, 1, "YBR_FULL_422");
        // 4:2:2 stores Y1 Y2 Cb Cr per two pixels: 2 rows x 2 pairs x 4 bytes.
        ds.setBytes(Tag.PixelData, Vr.OB, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        DeidResult r = deidentifier().deidentify("us", ds,
                CONTEXT.withBurnedIn(new BurnedInDecision.Clean(List.of(new PixelRect(1, 1, 1, 1)))));
        byte[] out = ((DeidResult.Deidentified) r).dataset().getBytes(Tag.PixelData);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0, 13, 14, 15, 16),
                java.util.stream.IntStream.range(0, out.length).map(i -> out[i]).boxed().toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pydicom/MR_small_RLE.dcm", "pydicom/SC_rgb_rle.dcm", "pydicom/MR_small_jpeg_ls_lossless.dcm"})
    void decodesCompressedPixelsThroughThePixelLayerAndWritesThemBackCleanAndUncompressed(String file) throws Exception {
        DicomFile original = TestData.read("dicom-codecs/" + file);
        original.dataset().setString(Tag.BurnedInAnnotation, Vr.CS, "YES");
        List<PixelRect> rects = List.of(new PixelRect(0, 0, 20, 6), new PixelRect(40, 50, 10, 5));
        StoredPixels before = decode(original);
        DeidResult r = deidentifier().deidentify(original, CONTEXT.withBurnedIn(new BurnedInDecision.Clean(rects)));
        assertEquals(TransferSyntax.EXPLICIT_VR_LE, ((DeidResult.Deidentified) r).transferSyntax());
        assertBlanked(before, written(r), rects);
        assertTrue(r.log().warnings().stream().anyMatch(w -> w.startsWith("pixels decoded from ")), r.log().warnings().toString());
    }

    @Test
    void cleansBitPackedCompressedSegFramesBackIntoPackedNativeBits() throws Exception {
        DicomFile original = TestData.read("seg-sr/pydicom-data_liver_rle.dcm");
        original.dataset().setString(Tag.BurnedInAnnotation, Vr.CS, "YES");
        List<PixelRect> rects = List.of(new PixelRect(200, 200, 150, 100));
        StoredPixels before = decode(original);
        DeidResult r = deidentifier().deidentify(original, CONTEXT.withBurnedIn(new BurnedInDecision.Clean(rects)));
        assertBlanked(before, written(r), rects);
    }

    @Test
    void refusesARectangleOutsideTheImage() {
        PixelCleaningException e = assertThrows(PixelCleaningException.class, () -> deidentifier().deidentify("small.dcm",
                image(4, 4, 1, 8, 0, 1, "MONOCHROME2"),
                CONTEXT.withBurnedIn(new BurnedInDecision.Clean(List.of(new PixelRect(2, 2, 3, 1))))));
        assertEquals("small.dcm: rectangle 2,2 3x1 reaches outside the 4 × 4 image", e.getMessage());
    }

    @Test
    void warnsWhenTheFlagIsAbsentOnUltrasoundAndSecondaryCapture() throws Exception {
        DicomDataset us = image(4, 4, 1, 8, 0, 1, "MONOCHROME2");
        us.remove(Tag.BurnedInAnnotation);
        us.setString(Tag.Modality, Vr.CS, "US");
        us.setString(Tag.SOPClassUID, Vr.UI, "1.2.840.10008.5.1.4.1.1.6.1");
        DeidResult r = deidentifier().deidentify("us.dcm", us, CONTEXT);
        assertEquals(List.of("Burned In Annotation (0028,0301) is absent on a US image, which often has text in its pixels;"
                + " check the pixels before sharing"), r.log().warnings());
        DicomDataset ct = image(4, 4, 1, 8, 0, 1, "MONOCHROME2");
        ct.remove(Tag.BurnedInAnnotation);
        ct.setString(Tag.Modality, Vr.CS, "CT");
        ct.setString(Tag.SOPClassUID, Vr.UI, "1.2.840.10008.5.1.4.1.1.2");
        assertEquals(List.of(), deidentifier().deidentify("ct.dcm", ct, CONTEXT).log().warnings());
    }
}
