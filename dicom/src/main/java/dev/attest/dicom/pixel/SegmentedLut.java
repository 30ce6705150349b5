package dev.attest.dicom.pixel;

/**
 * Expands Segmented Palette Color Lookup Table Data (PS3.3 C.7.9.2): discrete segments list
 * entries, linear segments draw a line from the previous entry, indirect segments replay earlier
 * segments. Every read is bounds-checked and indirect segments may only replay earlier,
 * non-indirect segments, so expansion always ends.
 */
final class SegmentedLut {
    private static final int DISCRETE = 0;
    private static final int LINEAR = 1;
    private static final int INDIRECT = 2;

    private final String source;
    private final int tag;
    private final int[] words;
    private final int unitBytes;
    private final int[] out;
    private final boolean[] segmentStart;
    private int n;

    private SegmentedLut(String source, int tag, int[] words, int unitBytes, int entries) {
        this.source = source;
        this.tag = tag;
        this.words = words;
        this.unitBytes = unitBytes;
        this.out = new int[entries];
        this.segmentStart = new boolean[words.length];
    }

    /**
     * @param words     the data as unsigned units (16-bit words, or bytes for 8-bit entries)
     * @param unitBytes 2 or 1, to turn the indirect segments' byte offsets into unit indices
     * @param entries   Number of Table Entries from the descriptor; the expansion must reach it
     */
    static int[] expand(String source, int tag, int[] words, int unitBytes, int entries) throws PixelDataException {
        SegmentedLut lut = new SegmentedLut(source, tag, words, unitBytes, entries);
        int pos = 0;
        while (pos < words.length && lut.n < entries) {
            lut.segmentStart[pos] = true;
            pos = lut.segment(pos, true);
        }
        if (lut.n < entries) {
            throw lut.error("expands to " + lut.n + " entries but its descriptor declares " + entries);
        }
        return lut.out;
    }

    /** Expands the segment at {@code pos}; returns the position of the next. */
    private int segment(int pos, boolean indirectAllowed) throws PixelDataException {
        need(pos, 2);
        int opcode = words[pos];
        int length = words[pos + 1];
        switch (opcode) {
            case DISCRETE -> {
                need(pos + 2, length);
                for (int i = 0; i < length; i++) {
                    add(words[pos + 2 + i]);
                }
                return pos + 2 + length;
            }
            case LINEAR -> {
                need(pos + 2, 1);
                if (n == 0) {
                    throw error("starts with a linear segment, which has no previous value to start from");
                }
                linear(out[n - 1], words[pos + 2], length);
                return pos + 3;
            }
            case INDIRECT -> {
                need(pos + 2, 2);
                if (!indirectAllowed) {
                    throw error("an indirect segment at unit " + pos + " is replayed by another indirect segment");
                }
                if (n == 0) {
                    throw error("starts with an indirect segment, which has nothing to replay");
                }
                long offset = words[pos + 2] | ((long) words[pos + 3] << 16); // least significant word first
                int at = target(offset, pos);
                for (int i = 0; i < length; i++) {
                    if (at >= pos) {
                        throw error("the indirect segment at unit " + pos + " replays " + length
                                + " segments, more than precede it");
                    }
                    at = segment(at, false);
                }
                return pos + 4;
            }
            default -> throw error("has unknown segment opcode " + opcode + " at unit " + pos);
        }
    }

    /**
     * The unit where replay starts. Table C.7-27 gives a byte offset; pydicom and others take it
     * as a unit index. Use whichever lands on an earlier segment start, the standard's first.
     */
    private int target(long offset, int indirectAt) throws PixelDataException {
        if (offset % unitBytes == 0 && isEarlierStart(offset / unitBytes, indirectAt)) {
            return (int) (offset / unitBytes);
        }
        if (isEarlierStart(offset, indirectAt)) {
            return (int) offset;
        }
        throw error("the indirect segment at unit " + indirectAt + " points to offset " + offset
                + ", which is not the start of an earlier segment");
    }

    private boolean isEarlierStart(long unit, int before) {
        return unit >= 0 && unit < before && segmentStart[(int) unit];
    }

    /**
     * The {@code length} entries after {@code y0} on the line to {@code y1}. The standard leaves
     * rounding open; this interpolates in floating point the way numpy.linspace does in the
     * pydicom reference and rounds half to even, so ties land on the same side.
     */
    private void linear(int y0, int y1, int length) {
        if (length == 0) {
            return;
        }
        if (y0 == y1 || length == 1) {
            for (int i = 0; i < length; i++) {
                add(y1);
            }
            return;
        }
        double start = y0 + (double) (y1 - y0) / length;
        double step = (y1 - start) / (length - 1);
        for (int k = 0; k < length - 1; k++) {
            add((int) Math.rint(k * step + start));
        }
        add(y1);
    }

    private void add(int v) {
        if (n < out.length) { // entries beyond the declared count are dropped
            out[n++] = v;
        }
    }

    private void need(int from, int count) throws PixelDataException {
        if ((long) from + count > words.length) {
            throw error("ends in the middle of a segment (needs unit " + (from + count - 1) + " of " + words.length + ")");
        }
    }

    private PixelDataException error(String what) {
        return new PixelDataException(source, PixelDescription.name(tag) + " " + what);
    }
}
