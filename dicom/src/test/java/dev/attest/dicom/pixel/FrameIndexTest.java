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
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding each frame's fragments in encapsulated Pixel Data. */
class FrameIndexTest {
    private static final TransferSyntax JPEG_LS = TransferSyntax.of("1.2.840.10008.1.2.4.80");

    @Test
    void findsFramesOfAFragmentedFileWithoutOffsetTableByTheirStartOfImageMarkers() throws IOException {
        FrameIndex fragmented = index("dicom-codecs/dicomparser/CT0012.fragmented_no_bot_jpeg_ls.80.dcm");
        FrameIndex withBot = index("dicom-codecs/dicomparser/CT0012.not_fragmented_bot_jpeg_ls.80.dcm");
        assertEquals(FrameIndex.Method.CODESTREAM_MARKERS, fragmented.method());
        assertEquals(FrameIndex.Method.BASIC_OFFSET_TABLE, withBot.method());
        assertEquals(2, fragmented.frameCount());
        // Both files hold the same two JPEG-LS codestreams, split differently.
        for (int f = 0; f < 2; f++) {
            assertEquals(withBot.frame(f), fragmented.frame(f), "frame " + f);
            assertTrue(fragmented.fragments(f).size() > 1, "frame " + f + " spans several fragments");
        }
        assertEquals(46408, fragmented.frame(0).remaining());
        assertEquals(39160, fragmented.frame(1).remaining());
        assertEquals(0xFFD8, Short.toUnsignedInt(fragmented.frame(1).order(ByteOrder.BIG_ENDIAN).getShort(0)));
        assertEquals(11, fragmented.fragments(0).size() + fragmented.fragments(1).size());
    }

    @Test
    void servesAOneFragmentFrameAsAViewOfTheMappedFileWithoutCopying() throws IOException {
        FrameIndex withBot = index("dicom-codecs/dicomparser/CT0012.not_fragmented_bot_jpeg_ls.80.dcm");
        assertTrue(withBot.frame(0).isDirect(), "a view of the memory-mapped file");
        assertTrue(withBot.frame(0).isReadOnly());
        FrameIndex fragmented = index("dicom-codecs/dicomparser/CT0012.fragmented_no_bot_jpeg_ls.80.dcm");
        assertFalse(fragmented.frame(0).isDirect(), "several fragments are joined into a new buffer");
    }

    @Test
    void joinsEveryFragmentOfASingleFrameImage() throws IOException {
        Path folder = TestData.path("series-mr/dcm_qa_frag_6001_j2k_fragmented");
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().limit(3).toList();
        }
        for (Path p : files) {
            DicomFile file = dev.attest.dicom.io.DicomReader.read(p);
            DicomElement.Encapsulated enc = (DicomElement.Encapsulated) file.pixelData().orElseThrow();
            FrameIndex index = FrameIndex.of(file, 1);
            assertEquals(FrameIndex.Method.SINGLE_FRAME, index.method());
            assertTrue(enc.fragments().size() > 1);
            ByteBuffer frame = index.frame(0).order(ByteOrder.BIG_ENDIAN);
            int total = enc.fragments().stream().mapToInt(ByteBuffer::remaining).sum();
            assertEquals(total, frame.remaining());
            assertEquals(0xFF4FFF51, frame.getInt(0), "starts with SOC and SIZ");
            // EOC last, or before the zero byte that pads an odd codestream to an even fragment.
            int end = frame.get(frame.remaining() - 1) == 0 ? frame.remaining() - 1 : frame.remaining();
            assertEquals(0xFFD9, Short.toUnsignedInt(frame.getShort(end - 2)), "ends with EOC");
        }
    }

    @Test
    void usesTheExtendedOffsetTableAndItsLengths() throws PixelDataException {
        // Fragments: frame 0 = [a], frame 1 = [b, c], frame 2 = [d]; item positions 0, 12, 24, 36.
        byte[][] fragments = {soi(1, 4), soi(2, 4), bytes(3, 4), soi(4, 4)};
        DicomElement.Encapsulated enc = Synthetic.encapsulated(new byte[0], fragments);
        DicomDataset ds = new DicomDataset();
        ds.setBytes(Tag.ExtendedOffsetTable, Vr.OV, longs(0, 12, 36));
        ds.setBytes(Tag.ExtendedOffsetTableLengths, Vr.OV, longs(4, 8, 3));
        FrameIndex index = FrameIndex.of("eot.dcm", enc, ds, 3);
        assertEquals(FrameIndex.Method.EXTENDED_OFFSET_TABLE, index.method());
        assertEquals(1, index.fragments(0).size());
        assertEquals(2, index.fragments(1).size());
        assertArrayEquals(concat(fragments[1], fragments[2]), toArray(index.frame(1)));
        assertEquals(3, index.frame(2).remaining(), "trimmed to the declared length");
    }

    @Test
    void usesTheBasicOffsetTableToGroupFragments() throws PixelDataException {
        byte[][] fragments = {soi(1, 4), bytes(2, 6), soi(3, 4)};
        DicomElement.Encapsulated enc = Synthetic.encapsulated(ints(0, 26), fragments);
        FrameIndex index = FrameIndex.of("bot.dcm", enc, new DicomDataset(), 2);
        assertEquals(FrameIndex.Method.BASIC_OFFSET_TABLE, index.method());
        assertArrayEquals(concat(fragments[0], fragments[1]), toArray(index.frame(0)));
        assertArrayEquals(fragments[2], toArray(index.frame(1)));
    }

    @Test
    void ignoresABasicOffsetTableThatDoesNotFitTheFragments() throws PixelDataException {
        byte[][] fragments = {soi(1, 4), soi(2, 4)};
        DicomElement.Encapsulated enc = Synthetic.encapsulated(ints(0, 7), fragments);
        FrameIndex index = FrameIndex.of("badbot.dcm", enc, new DicomDataset(), 2);
        assertEquals(FrameIndex.Method.ONE_FRAGMENT_PER_FRAME, index.method());
        assertEquals(1, index.warnings().size());
        assertTrue(index.warnings().get(0).contains("Basic Offset Table"));
    }

    @Test
    void refusesFragmentsItCannotAssignToFrames() {
        // Three frames, four fragments, no table, and only two start-of-image markers.
        DicomElement.Encapsulated enc = Synthetic.encapsulated(new byte[0], soi(1, 4), bytes(2, 4), soi(3, 4), bytes(4, 4));
        PixelDataException e = assertThrows(PixelDataException.class,
                () -> FrameIndex.of("markers.dcm", enc, new DicomDataset(), 3));
        assertTrue(e.getMessage().contains("markers.dcm") && e.getMessage().contains("2 fragment(s) begin"), e.getMessage());
        PixelDataException tooFew = assertThrows(PixelDataException.class,
                () -> FrameIndex.of("few.dcm", enc, new DicomDataset(), 5));
        assertTrue(tooFew.getMessage().contains("only 4 fragment(s)"), tooFew.getMessage());
    }

    @Test
    void decoderRejectsAFileWhoseFramesCannotBeFound() {
        DicomDataset ds = Synthetic.pixelModule(JPEG_LS, 2, 2, 1, 8, 8, 0, "MONOCHROME2", 3);
        DicomFile file = Synthetic.encapsulatedFile("noframes.dcm", TransferSyntax.RLE_LOSSLESS, ds, new byte[0], bytes(1, 10), bytes(2, 10));
        assertThrows(PixelDataException.class, () -> PixelDecoder.open(file));
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static FrameIndex index(String relative) throws IOException {
        DicomFile file = TestData.read(relative);
        return FrameIndex.of(file, PixelDescription.of(file).numberOfFrames());
    }

    private static byte[] soi(int fill, int length) {
        byte[] b = bytes(fill, length);
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        return b;
    }

    private static byte[] bytes(int fill, int length) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) fill);
        return b;
    }

    private static byte[] longs(long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    private static byte[] ints(int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] toArray(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
