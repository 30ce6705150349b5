package dev.attest.dicom.pixel;

import dev.attest.dicom.TestData;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.TransferSyntax;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JPEG 2000 SIZ repair, on the codestream of pydicom's JPEG2000-embedded-sequence-delimiter.dcm
 * (256 × 1024, signed 16-bit, lossy), whose Xsiz arrives as DDE00100h: a SIZ that is invalid by
 * Part 1 is rebuilt from Rows/Columns, a valid SIZ describing another image is refused.
 */
class Jpeg2000SizRepairTest {
    private static final TransferSyntax J2K = TransferSyntax.of("1.2.840.10008.1.2.4.91");
    private static final String FILE = "dicom-codecs/pydicom/JPEG2000-embedded-sequence-delimiter.dcm";

    private static byte[] damagedCodestream() throws IOException {
        PixelDecoder decoder = PixelDecoder.open(TestData.read(FILE));
        ByteBuffer frame = decoder.frameIndex().orElseThrow().frame(0);
        byte[] b = new byte[frame.remaining()];
        frame.duplicate().get(b);
        return b;
    }

    private static PixelDecoder decoder(byte[] codestream, int rows, int columns) throws IOException {
        DicomDataset ds = Synthetic.pixelModule(J2K, rows, columns, 1, 16, 16, 1, "MONOCHROME2", 1);
        DicomFile file = Synthetic.encapsulatedFile("j2k.dcm", J2K, ds, new byte[0], codestream);
        return PixelDecoder.open(file);
    }

    @Test
    void theDamagedXsizIsWhatTheFileHolds() throws IOException {
        ByteBuffer siz = ByteBuffer.wrap(damagedCodestream());
        assertEquals(0xFEFF, Short.toUnsignedInt(siz.getShort(6)), "Rsiz");
        assertEquals(0xDDE00100L, Integer.toUnsignedLong(siz.getInt(8)), "Xsiz");
        assertEquals(1024, siz.getInt(12), "Ysiz");
    }

    @Test
    void repairsAnXsizOrYsizThatGivesMoreThan65535TilesFromTheDicomHeader() throws IOException {
        short[] fromXsiz = decoder(damagedCodestream(), 1024, 256).decodeFrame(0).shorts();

        byte[] clean = damagedCodestream();
        ByteBuffer.wrap(clean).putShort(6, (short) 0).putInt(8, 256);
        short[] fromClean = decoder(clean, 1024, 256).decodeFrame(0).shorts();
        assertArrayEquals(fromClean, fromXsiz);

        byte[] badYsiz = clean.clone();
        ByteBuffer.wrap(badYsiz).putInt(12, 0xDDE00400); // 1024 with its top half overwritten
        assertArrayEquals(fromClean, decoder(badYsiz, 1024, 256).decodeFrame(0).shorts());

        // The image is there: a body in the middle of the detector, air at the corners.
        assertEquals(0, fromClean[0]);
        assertEquals(245, max(fromClean));
    }

    @Test
    void refusesAValidSizThatDescribesAnotherImage() throws IOException {
        byte[] clean = damagedCodestream();
        ByteBuffer.wrap(clean).putInt(8, 256);
        PixelDataException e = assertThrows(PixelDataException.class, () -> decoder(clean, 1024, 128).decodeFrame(0));
        assertTrue(e.getMessage().contains("image area 256x1024 differs from the header's 128x1024"), e.getMessage());
    }

    @Test
    void refusesADamagedSizTheHeaderCannotExplain() throws IOException {
        // Xsiz is damaged, and the marker also claims 2 components where the header has 1: rebuilding the
        // area from Rows/Columns would not make it agree, so nothing is guessed.
        byte[] b = damagedCodestream();
        ByteBuffer.wrap(b).putShort(40, (short) 2);
        PixelDataException e = assertThrows(PixelDataException.class, () -> decoder(b, 1024, 256).decodeFrame(0));
        assertTrue(e.getMessage().contains("cannot be repaired from the DICOM header"), e.getMessage());
    }

    private static int max(short[] values) {
        int m = Integer.MIN_VALUE;
        for (short v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
