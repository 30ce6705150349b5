package dev.attest.dicom.pixel;

import dev.attest.dicom.TestData;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomException;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.UnsupportedTransferSyntaxException;
import dev.attest.dicom.Vr;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading and checking the Image Pixel attributes before anything is decoded. */
class PixelDescriptionTest {
    private static final TransferSyntax LE = TransferSyntax.EXPLICIT_VR_LE;

    @Test
    void describesAnEnhancedMultiFrameCt() throws IOException {
        PixelDescription d = PixelDescription.of(TestData.read("dicom-codecs/pydicom-data/eCT_Supplemental.dcm"));
        assertEquals(new PixelDescription(512, 512, 1, 16, 16, 15, 0, 0, "MONOCHROME2", 2, SampleKind.INTEGER), d);
        assertEquals(PixelDtype.UINT16, d.dtype());
        assertEquals(2L * 512 * 512 * 16, d.nativeFrameBits() * d.numberOfFrames());
    }

    @Test
    void describesFloatPixelDataWithoutBitsStoredOrPixelRepresentation() throws IOException {
        PixelDescription d = PixelDescription.of(TestData.read("dicom-codecs/pydicom-data/parametric_map_float.dcm"));
        assertEquals(SampleKind.FLOAT32, d.sampleKind());
        assertEquals("float32", d.dtype().dtypeName());
        assertEquals(32, d.bitsStored());
    }

    @Test
    void namesTheFileTagAndValueOfAnInvalidNumberOfFrames() throws IOException {
        DicomFile file = TestData.read("dicom-codecs/pydicom/badVR.dcm");
        PixelDataException e = assertThrows(PixelDataException.class, () -> PixelDescription.of(file));
        assertTrue(e.getMessage().contains("badVR.dcm"), e.getMessage());
        assertTrue(e.getMessage().contains("NumberOfFrames (0028,0008) is \"1A\""), e.getMessage());
        assertThrows(PixelDataException.class, () -> PixelDecoder.open(file));
    }

    @Test
    void namesAMissingAttribute() {
        DicomDataset ds = Synthetic.pixelModule(LE, 2, 2, 1, 8, 8, 0, "MONOCHROME2", 1);
        ds.remove(Tag.Rows);
        assertError(ds, new byte[4], "Rows (0028,0010) is missing");
        DicomDataset noPhotometric = Synthetic.pixelModule(LE, 2, 2, 1, 8, 8, 0, "MONOCHROME2", 1);
        noPhotometric.remove(Tag.PhotometricInterpretation);
        assertError(noPhotometric, new byte[4], "PhotometricInterpretation (0028,0004) is missing");
    }

    @Test
    void rejectsInvalidBitDepthsAndSamples() {
        assertError(Synthetic.pixelModule(LE, 2, 2, 1, 12, 12, 0, "MONOCHROME2", 1), new byte[8],
                "BitsAllocated (0028,0100) is 12, which is invalid");
        assertError(Synthetic.pixelModule(LE, 2, 2, 1, 8, 9, 0, "MONOCHROME2", 1), new byte[4],
                "BitsStored (0028,0101) is 9, which is invalid");
        assertError(Synthetic.pixelModule(LE, 2, 2, 2, 8, 8, 0, "MONOCHROME2", 1), new byte[8],
                "SamplesPerPixel (0028,0002) is 2, which is invalid");
        DicomDataset lowHighBit = Synthetic.pixelModule(LE, 2, 2, 1, 16, 12, 0, "MONOCHROME2", 1);
        lowHighBit.setInts(Tag.HighBit, Vr.US, 3);
        assertError(lowHighBit, new byte[8], "HighBit (0028,0102) is 3, which is invalid");
        assertError(Synthetic.pixelModule(LE, 2, 2, 1, 8, 8, 0, "MONOCHROME2", 0), new byte[4],
                "NumberOfFrames (0028,0008) is 0, which is invalid");
    }

    @Test
    void takesAMissingHighBitAsBitsStoredMinusOne() throws PixelDataException {
        DicomDataset ds = Synthetic.pixelModule(LE, 2, 2, 1, 16, 12, 1, "MONOCHROME2", 1);
        ds.remove(Tag.HighBit);
        assertEquals(11, PixelDescription.of(Synthetic.nativeFile("hb.dcm", LE, ds, Tag.PixelData, Vr.OW, new byte[8])).highBit());
    }

    @Test
    void rejectsSizesThatOverflowOrExceedThePixelData() {
        DicomDataset huge = Synthetic.pixelModule(LE, 46340, 46340, 1, 64, 64, 0, "MONOCHROME2", Integer.MAX_VALUE);
        assertError(huge, new byte[8], "overflows");
        DicomDataset tooWide = Synthetic.pixelModule(LE, 65535, 65535, 3, 8, 8, 0, "RGB", 1);
        assertError(tooWide, new byte[8], "larger than Attest can hold");
        // 1000 frames of 64 × 64 × 16 bits need 8 MB; the element holds 8 KB: refuse before allocating.
        DicomDataset frames = Synthetic.pixelModule(LE, 64, 64, 1, 16, 16, 0, "MONOCHROME2", 1000);
        assertError(frames, new byte[8192], "holds 8192 bytes but the image needs 8192000");
    }

    @Test
    void reportsAFileWithoutPixelData() throws IOException {
        DicomFile file = TestData.read("seg-sr/highdicom_sr_document.dcm");
        PixelDataException e = assertThrows(PixelDataException.class, () -> PixelDecoder.open(file));
        assertTrue(e.getMessage().contains("no Pixel Data"), e.getMessage());
    }

    @Test
    void namesTheUidOfATransferSyntaxNoCodecDecodes() {
        for (String uid : List.of("1.2.840.10008.1.2.4.100", "1.2.3.4.5")) {
            TransferSyntax ts = TransferSyntax.of(uid);
            DicomDataset ds = Synthetic.pixelModule(ts, 2, 2, 1, 8, 8, 0, "MONOCHROME2", 1);
            DicomFile file = Synthetic.encapsulatedFile("mpeg.dcm", ts, ds, new byte[0], new byte[8]);
            UnsupportedTransferSyntaxException e = assertThrows(UnsupportedTransferSyntaxException.class,
                    () -> PixelDecoder.open(file));
            assertTrue(e.getMessage().contains("(transfer syntax " + uid + ")"), e.getMessage());
        }
    }

    private static void assertError(DicomDataset ds, byte[] data, String expected) {
        DicomFile file = Synthetic.nativeFile("synthetic.dcm", LE, ds, Tag.PixelData, Vr.OB, data);
        DicomException e = assertThrows(PixelDataException.class, () -> PixelDescription.of(file));
        assertTrue(e.getMessage().startsWith("synthetic.dcm: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
