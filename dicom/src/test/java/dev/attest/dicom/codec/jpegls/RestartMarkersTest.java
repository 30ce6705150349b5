package dev.attest.dicom.codec.jpegls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Restart intervals (DRI, RSTm): after every interval the coding starts afresh, contexts,
 * RUNindex and the line above reset, and the markers must come in order RST0..RST7, RST0, ...
 */
class RestartMarkersTest {

    @ParameterizedTest(name = "interleave {0}, every {1} line(s), NEAR {2}")
    @CsvSource({"0, 1, 0", "0, 3, 0", "1, 1, 0", "1, 4, 2", "2, 1, 0", "2, 5, 0", "2, 2, 3", "0, 19, 0", "1, 20, 0"})
    void decodesRestartIntervalsInEveryInterleaveMode(int mode, int interval, int near) throws JpegLsException {
        int[] source = Codestreams.image(20, 37, 3, 8, 100 + interval);
        TestEncoder encoder = new TestEncoder(20, 37, 3, 8).interleave(mode).restartInterval(interval).near(near);
        byte[] stream = encoder.encode(source);
        int scans = mode == 0 ? 3 : 1;
        int markersPerScan = (20 - 1) / interval;
        assertEquals(scans * markersPerScan, countRestartMarkers(stream), "RSTm markers written");
        assertArrayEquals(encoder.reconstructed(), DecodedImage.decode(stream, 20, 37, 3).samples);
        if (near == 0) {
            assertArrayEquals(source, encoder.reconstructed());
        }
    }

    @Test
    void cyclesThroughTheEightRestartMarkers() throws JpegLsException {
        int[] source = Codestreams.image(19, 8, 1, 12, 7);
        byte[] stream = new TestEncoder(19, 8, 1, 12).restartInterval(1).encode(source);
        int p = 0;
        for (int i = 0; i < 18; i++) {
            p = nextRestart(stream, p);
            assertEquals(0xD0 + i % 8, stream[p + 1] & 0xFF, "marker " + i);
            p += 2;
        }
        assertArrayEquals(source, DecodedImage.decode(stream, 19, 8, 1).samples);
    }

    @Test
    void resetsTheLineAboveAtEachRestart() throws JpegLsException {
        // A flat image: each restart interval starts with a zero line above, so its first line is
        // coded like the image's first, and the coded intervals come out identical.
        int[] flat = new int[6 * 40];
        java.util.Arrays.fill(flat, 200);
        byte[] stream = new TestEncoder(6, 40, 1, 8).restartInterval(2).encode(flat);
        java.util.List<byte[]> intervals = splitAtRestarts(Codestreams.scanData(stream).get(0));
        assertEquals(3, intervals.size());
        assertArrayEquals(intervals.get(0), intervals.get(1));
        assertArrayEquals(intervals.get(0), intervals.get(2));
        assertArrayEquals(flat, DecodedImage.decode(stream, 6, 40, 1).samples);
        assertNotEquals(intervals.get(0).length, Codestreams.scanData(new TestEncoder(6, 40, 1, 8).encode(flat)).get(0).length / 3,
                "without restarts the lines after the first are coded differently");
    }

    @Test
    void refusesRestartMarkersOutOfOrder() throws JpegLsException {
        byte[] stream = new TestEncoder(6, 10, 1, 8).restartInterval(2).encode(Codestreams.image(6, 10, 1, 8, 1));
        int second = nextRestart(stream, nextRestart(stream, 0) + 2);
        stream[second + 1] = (byte) 0xD5;
        JpegLsException e = assertThrows(JpegLsException.class, () -> DecodedImage.decode(stream, 6, 10, 1));
        assertEquals(JpegLsException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("expected restart marker FFD1 before line 4, found FFD5"), e.getMessage());
    }

    @Test
    void refusesAMissingRestartMarker() throws JpegLsException {
        byte[] stream = new TestEncoder(6, 10, 1, 8).restartInterval(3).encode(Codestreams.image(6, 10, 1, 8, 2));
        byte[] without = Codestreams.remove(stream, nextRestart(stream, 0), 2);
        JpegLsException e = assertThrows(JpegLsException.class, () -> DecodedImage.decode(without, 6, 10, 1));
        assertEquals(JpegLsException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("expected restart marker FFD0 before line 3, found FFD9"), e.getMessage());
    }

    @Test
    void refusesAStreamThatEndsAtARestartMarker() throws JpegLsException {
        byte[] stream = new TestEncoder(6, 10, 1, 8).restartInterval(3).encode(Codestreams.image(6, 10, 1, 8, 3));
        byte[] cut = java.util.Arrays.copyOf(stream, nextRestart(stream, 0));
        JpegLsException e = assertThrows(JpegLsException.class, () -> DecodedImage.decode(cut, 6, 10, 1));
        assertEquals(JpegLsException.Kind.TRUNCATED, e.kind());
    }

    private static int nextRestart(byte[] stream, int from) {
        for (int p = from; p + 1 < stream.length; p++) {
            int code = stream[p + 1] & 0xFF;
            if (stream[p] == (byte) 0xFF && code >= 0xD0 && code <= 0xD7) {
                return p;
            }
        }
        return -1;
    }

    private static int countRestartMarkers(byte[] stream) {
        int count = 0;
        for (int p = nextRestart(stream, 0); p >= 0; p = nextRestart(stream, p + 2)) {
            count++;
        }
        return count;
    }

    private static java.util.List<byte[]> splitAtRestarts(byte[] data) {
        java.util.List<byte[]> parts = new java.util.ArrayList<>();
        int start = 0;
        for (int p = nextRestart(data, 0); p >= 0; p = nextRestart(data, p + 2)) {
            parts.add(java.util.Arrays.copyOfRange(data, start, p));
            start = p + 2;
        }
        parts.add(java.util.Arrays.copyOfRange(data, start, data.length));
        return parts;
    }
}
