package dev.attest.dicom.codec.jpegls;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The codestream syntax of T.87 Annex C around the coded data: what is skipped, what is read,
 * and the typed error for each way a header can be wrong, found before any allocation.
 */
class MarkerParsingTest {
    private static final int ROWS = 7;
    private static final int COLUMNS = 9;
    private static final int[] IMAGE = Codestreams.image(ROWS, COLUMNS, 3, 8, 11);

    /**
     * A valid 7 x 9 RGB stream, line interleaved: SOI; SOF55 at 2 (length at 4, P at 6, Y at 7,
     * X at 9, then identifier, sampling and table of each component from 12); SOS; data; EOI.
     */
    private static byte[] stream() throws JpegLsException {
        return new TestEncoder(ROWS, COLUMNS, 3, 8).interleave(1).encode(IMAGE);
    }

    private static int[] decode(byte[] stream) throws JpegLsException {
        return DecodedImage.decode(stream, ROWS, COLUMNS, 3).samples;
    }

    private static JpegLsException fails(JpegLsException.Kind kind, String message, byte[] stream) {
        JpegLsException e = assertThrows(JpegLsException.class, () -> decode(stream));
        assertEquals(kind, e.kind(), e.describe());
        assertTrue(e.getMessage().contains(message), "message: " + e.describe());
        return e;
    }

    @Test
    void decodesTheTestStream() throws JpegLsException {
        assertArrayEquals(IMAGE, decode(stream()));
    }

    @Test
    void skipsApplicationSegmentsCommentsAndFillBytes() throws JpegLsException {
        byte[] s = stream();
        s = Codestreams.insert(s, 2, 0xFF, 0xE0, 0x00, 0x07, 'J', 'F', 'I', 'F', 0); // APP0 after SOI
        s = Codestreams.insert(s, Codestreams.find(s, 0xDA, 0), 0xFF, 0xFE, 0x00, 0x05, 'h', 'i', '!'); // COM before SOS
        s = Codestreams.insert(s, Codestreams.find(s, 0xF7, 0), 0xFF, 0xFF); // fill bytes before SOF55
        s = Codestreams.insert(s, s.length - 2, 0xFF); // and before EOI
        assertArrayEquals(IMAGE, decode(s));
    }

    @Test
    void acceptsAStreamWithoutEoiOrWithBytesAfterIt() throws JpegLsException {
        byte[] s = stream();
        assertArrayEquals(IMAGE, decode(Arrays.copyOf(s, s.length - 2)));
        assertArrayEquals(IMAGE, decode(Codestreams.insert(s, s.length, 0x00, 0x12, 0x34)));
    }

    @Test
    void refusesAStreamThatDoesNotStartWithSoi() throws JpegLsException {
        fails(JpegLsException.Kind.MALFORMED, "does not start with an SOI marker (FFD8) but with FFF7",
                Codestreams.remove(stream(), 0, 2));
        fails(JpegLsException.Kind.MALFORMED, "but with 0 byte(s)", new byte[0]);
    }

    @Test
    void refusesJpegFramesAsNotJpegLs() throws JpegLsException {
        byte[] s = stream();
        s[3] = (byte) 0xC3; // SOF3, lossless JPEG
        fails(JpegLsException.Kind.UNSUPPORTED, "marker FFC3 belongs to JPEG (ITU-T T.81)", s);
    }

    @Test
    void checksTheFrameHeaderAgainstTheDicomHeaderBeforeAllocating() throws JpegLsException {
        byte[] s = stream();
        // A frame header claiming 65535 x 65535 is refused for what the caller expects, not allocated for.
        s[7] = (byte) 0xFF;
        s[8] = (byte) 0xFF;
        s[9] = (byte) 0xFF;
        s[10] = (byte) 0xFF;
        JpegLsException e = fails(JpegLsException.Kind.MISMATCH,
                "declares 65535x65535 with 3 component(s) but the DICOM header says 9x7 with 3 sample(s) per pixel", s);
        assertEquals(2, e.offset());
        JpegLsException components = assertThrows(JpegLsException.class, () -> JpegLsDecoder.decode(stream(), 0,
                stream().length, new JpegLsDecoder.Expected(ROWS, COLUMNS, 1, 16), new DecodedImage(ROWS, COLUMNS, 1)));
        assertEquals(JpegLsException.Kind.MISMATCH, components.kind());
        JpegLsException precision = assertThrows(JpegLsException.class, () -> JpegLsDecoder.decode(stream(), 0,
                stream().length, new JpegLsDecoder.Expected(ROWS, COLUMNS, 3, 7), new DecodedImage(ROWS, COLUMNS, 3)));
        assertTrue(precision.getMessage().contains("8-bit samples do not fit in Bits Allocated 7"), precision.getMessage());
    }

    @Test
    void refusesFrameHeadersThatBreakT87() throws JpegLsException {
        byte[] precision1 = stream();
        precision1[6] = 1;
        fails(JpegLsException.Kind.MALFORMED, "sample precision 1 is outside the 2..16 bits", precision1);
        byte[] precision17 = stream();
        precision17[6] = 17;
        fails(JpegLsException.Kind.MALFORMED, "sample precision 17", precision17);
        byte[] noLines = stream();
        noLines[7] = 0;
        noLines[8] = 0;
        fails(JpegLsException.Kind.UNSUPPORTED, "DNL", noLines);
        byte[] sameId = stream();
        sameId[15] = 1; // second component identifier = first
        fails(JpegLsException.Kind.MALFORMED, "component identifier 1 appears twice", sameId);
        byte[] subsampled = stream();
        subsampled[16] = 0x21;
        fails(JpegLsException.Kind.UNSUPPORTED, "component 2 is subsampled (H 2, V 1)", subsampled);
        byte[] twice = Codestreams.insert(stream(), 2, Arrays.copyOfRange(stream(), 2, 21));
        fails(JpegLsException.Kind.MALFORMED, "a second SOF55", twice);
    }

    @Test
    void refusesMarkerSegmentLengthsThatDoNotFit() throws JpegLsException {
        byte[] sofShort = stream();
        sofShort[4] = 0;
        sofShort[5] = 1;
        fails(JpegLsException.Kind.MALFORMED, "SOF55 marker segment length 1 is less than the 8 it needs", sofShort);
        byte[] sofMismatch = stream();
        sofMismatch[5] = 14;
        fails(JpegLsException.Kind.MALFORMED, "SOF55 length 14 does not match its 3 component(s), which need 17", sofMismatch);
        byte[] sofHuge = stream();
        sofHuge[4] = (byte) 0xFF;
        fails(JpegLsException.Kind.TRUNCATED, "runs past the end of the codestream", sofHuge);
        byte[] sos = stream();
        int at = Codestreams.find(sos, 0xDA, 0);
        sos[at + 3] = 10;
        fails(JpegLsException.Kind.MALFORMED, "SOS length 10 does not match its 3 component(s), which need 12", sos);
        byte[] app = Codestreams.insert(stream(), 2, 0xFF, 0xE1, 0x00, 0x02, 0x11);
        fails(JpegLsException.Kind.MALFORMED, "expected a marker, found byte", app);
        byte[] cut = Arrays.copyOf(stream(), 24);
        fails(JpegLsException.Kind.TRUNCATED, "ends inside the SOS marker segment", cut);
        byte[] dri = Codestreams.insert(stream(), 2, 0xFF, 0xDD, 0x00, 0x07, 0, 0, 0, 0, 1);
        fails(JpegLsException.Kind.MALFORMED, "DRI length 7 is not 4, 5 or 6", dri);
    }

    @Test
    void refusesScanHeadersThatBreakT87() throws JpegLsException {
        byte[] s = stream();
        int sos = Codestreams.find(s, 0xDA, 0);
        byte[] unknown = s.clone();
        unknown[sos + 5] = 9;
        fails(JpegLsException.Kind.MALFORMED, "SOS names component 9, which SOF55 does not declare", unknown);
        byte[] twice = s.clone();
        twice[sos + 7] = 1;
        fails(JpegLsException.Kind.MALFORMED, "SOS names component 1 twice", twice);
        byte[] interleave = s.clone();
        interleave[sos + 12] = 3;
        fails(JpegLsException.Kind.MALFORMED, "interleave mode 3", interleave);
        byte[] none = s.clone();
        none[sos + 12] = 0;
        fails(JpegLsException.Kind.MALFORMED, "a scan of 3 components must interleave them", none);
        byte[] near = s.clone();
        near[sos + 11] = (byte) 200;
        fails(JpegLsException.Kind.MALFORMED, "NEAR 200 is larger than min(255, MAXVAL / 2) = 127", near);
        byte[] pointTransform = s.clone();
        pointTransform[sos + 13] = 2;
        fails(JpegLsException.Kind.UNSUPPORTED, "point transform 2", pointTransform);
        byte[] mapping = s.clone();
        mapping[sos + 6] = 1;
        fails(JpegLsException.Kind.UNSUPPORTED, "component 1 uses mapping table 1", mapping);
        byte[] beforeFrame = Codestreams.remove(s, 2, 19);
        fails(JpegLsException.Kind.MALFORMED, "SOS before the SOF55 frame header", beforeFrame);
    }

    @Test
    void refusesAStreamThatEndsBeforeEveryComponentIsDecoded() throws JpegLsException {
        byte[] planar = new TestEncoder(ROWS, COLUMNS, 3, 8).interleave(0).encode(IMAGE);
        int thirdScan = Codestreams.find(planar, 0xDA, Codestreams.find(planar, 0xDA, Codestreams.find(planar, 0xDA, 0) + 2) + 2);
        byte[] early = Codestreams.insert(Arrays.copyOf(planar, thirdScan), thirdScan, 0xFF, 0xD9);
        fails(JpegLsException.Kind.MALFORMED, "EOI too early: component 3 was never decoded: 2 scan(s) for 3 component(s)", early);
        fails(JpegLsException.Kind.TRUNCATED, "ends too early: component 3", Arrays.copyOf(planar, thirdScan));
        fails(JpegLsException.Kind.TRUNCATED, "ends before its SOF55", Codestreams.bytes(0xFF, 0xD8));
        fails(JpegLsException.Kind.MALFORMED, "EOI before any SOF55", Codestreams.bytes(0xFF, 0xD8, 0xFF, 0xD9));
        byte[] again = Codestreams.insert(planar, thirdScan, Arrays.copyOfRange(planar, Codestreams.find(planar, 0xDA, 0),
                Codestreams.find(planar, 0xDA, 0) + 10));
        fails(JpegLsException.Kind.MALFORMED, "component 1 appears in a second scan", again);
    }

    @Test
    void refusesStrayAndUnknownMarkers() throws JpegLsException {
        fails(JpegLsException.Kind.MALFORMED, "restart marker FFD3 outside a scan", Codestreams.insert(stream(), 2, 0xFF, 0xD3));
        fails(JpegLsException.Kind.MALFORMED, "a second SOI", Codestreams.insert(stream(), 2, 0xFF, 0xD8));
        fails(JpegLsException.Kind.MALFORMED, "unexpected marker FF01", Codestreams.insert(stream(), 2, 0xFF, 0x01));
        fails(JpegLsException.Kind.UNSUPPORTED, "DNL", Codestreams.insert(stream(), 2, 0xFF, 0xDC, 0x00, 0x04, 0x00, 0x07));
    }

    @Test
    void refusesTheHpColourTransformButNotOtherApp8Segments() throws JpegLsException {
        fails(JpegLsException.Kind.UNSUPPORTED, "HP colour transform 1 (APP8 \"mrfx\")",
                Codestreams.insert(stream(), 2, 0xFF, 0xE8, 0x00, 0x07, 'm', 'r', 'f', 'x', 1));
        assertArrayEquals(IMAGE, decode(Codestreams.insert(stream(), 2, 0xFF, 0xE8, 0x00, 0x07, 'm', 'r', 'f', 'x', 0)));
    }

    @Test
    void readsRestartIntervalsOfTwoThreeAndFourBytes() throws JpegLsException {
        byte[] s = new TestEncoder(ROWS, COLUMNS, 3, 8).interleave(2).restartInterval(2).encode(IMAGE);
        int dri = Codestreams.find(s, 0xDD, 0);
        assertArrayEquals(IMAGE, decode(s));
        byte[] three = Codestreams.insert(s, dri + 4, 0);
        three[dri + 3] = 5;
        three[dri + 4] = 0;
        three[dri + 5] = 0;
        three[dri + 6] = 2;
        assertArrayEquals(IMAGE, decode(three));
        byte[] four = Codestreams.insert(three, dri + 4, 0);
        four[dri + 3] = 6;
        assertArrayEquals(IMAGE, decode(four));
    }
}
