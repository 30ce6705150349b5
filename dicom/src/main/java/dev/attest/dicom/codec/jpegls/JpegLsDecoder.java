package dev.attest.dicom.codec.jpegls;

/**
 * Reads a JPEG-LS codestream (T.87 Annex C: SOI, SOF55, LSE, DRI, SOS and EOI; APPn and COM
 * skipped) and decodes its scans into a {@link LineSink}. The frame header is checked against
 * what the caller expects (the DICOM Image Pixel attributes) before anything is allocated for it,
 * and every marker segment length against the data, so a corrupt stream ends in a
 * {@link JpegLsException}.
 */
final class JpegLsDecoder {
    /** Padding an encoder may leave after a scan's last sample: up to 7 bits, and a 0 byte after a final 0xFF. */
    private static final int MAX_PADDING_BITS = 14;

    /**
     * What the frame must be: rows, columns and components as the DICOM header gives them, and
     * the most bits a sample may have (Bits Allocated).
     */
    record Expected(int rows, int columns, int components, int maxPrecision) {
    }

    /** The frame header (SOF55, T.87 C.2.2): sample precision P, Y lines, X columns, the component identifiers. */
    record FrameHeader(int precision, int rows, int columns, int[] componentIds) {
    }

    private final byte[] data;
    private final int origin;
    private final int end;
    private final Expected expected;
    private FrameHeader frame;
    private boolean[] decoded;
    private PresetParameters preset = PresetParameters.DEFAULTS;
    private int restartInterval;
    private int scans;

    private JpegLsDecoder(byte[] data, int origin, int end, Expected expected) {
        this.data = data;
        this.origin = origin;
        this.end = end;
        this.expected = expected;
    }

    /**
     * Decodes the codestream in {@code data[offset, offset + length)}.
     *
     * @return the frame header, once every component has been decoded into {@code sink}
     */
    static FrameHeader decode(byte[] data, int offset, int length, Expected expected, LineSink sink) throws JpegLsException {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IllegalArgumentException("bytes " + offset + "+" + length + " of " + data.length);
        }
        return new JpegLsDecoder(data, offset, offset + length, expected).run(sink);
    }

    private FrameHeader run(LineSink sink) throws JpegLsException {
        if (end - origin < 2 || u8(origin) != 0xFF || u8(origin + 1) != 0xD8) {
            String found = end - origin < 2 ? (end - origin) + " byte(s)" : String.format("%02X%02X", u8(origin), u8(origin + 1));
            throw malformed(origin, "the codestream does not start with an SOI marker (FFD8) but with " + found);
        }
        int p = origin + 2;
        while (p < end) {
            if (u8(p) != 0xFF) {
                throw malformed(p, String.format("expected a marker, found byte %02X", u8(p)));
            }
            int markerAt = p;
            while (p < end && u8(p) == 0xFF) {
                p++; // fill bytes may precede any marker
            }
            if (p >= end) {
                break;
            }
            int code = u8(p++);
            switch (code) {
                case 0xD9 -> {
                    return finish(markerAt, true);
                }
                case 0xF7 -> p = readFrameHeader(markerAt, p);
                case 0xF8 -> p = readPresets(markerAt, p);
                case 0xDD -> p = readRestartInterval(markerAt, p);
                case 0xDA -> p = readScan(markerAt, p, sink);
                case 0xFE, 0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF ->
                        p = skipApplicationSegment(markerAt, p, code);
                case 0xD8 -> throw malformed(markerAt, "a second SOI marker");
                case 0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7 ->
                        throw malformed(markerAt, String.format("restart marker FF%02X outside a scan", code));
                case 0xDC -> throw unsupported(markerAt, "the number of lines is defined by a DNL marker");
                default -> {
                    if (code >= 0xC0 && code <= 0xCF) {
                        throw unsupported(markerAt, String.format(
                                "marker FF%02X belongs to JPEG (ITU-T T.81), not JPEG-LS: this is not a JPEG-LS codestream", code));
                    }
                    throw malformed(markerAt, String.format("unexpected marker FF%02X", code));
                }
            }
        }
        return finish(end, false);
    }

    private FrameHeader finish(int at, boolean endOfImage) throws JpegLsException {
        if (frame == null) {
            throw endOfImage ? malformed(at, "EOI before any SOF55 frame header")
                    : truncated(at, "the codestream ends before its SOF55 frame header");
        }
        for (int c = 0; c < decoded.length; c++) {
            if (!decoded[c]) {
                String what = "component " + frame.componentIds()[c] + " was never decoded: " + scans + " scan(s) for "
                        + decoded.length + " component(s)";
                throw endOfImage ? malformed(at, "EOI too early: " + what) : truncated(at, "the codestream ends too early: " + what);
            }
        }
        return frame;
    }

    /** SOF55 (T.87 C.2.2), checked against the DICOM header before anything is sized from it. */
    private int readFrameHeader(int markerAt, int p) throws JpegLsException {
        if (frame != null) {
            throw malformed(markerAt, "a second SOF55 frame header");
        }
        int length = segmentLength(markerAt, p, "SOF55", 8);
        int precision = u8(p + 2);
        int rows = u16(p + 3);
        int columns = u16(p + 5);
        int components = u8(p + 7);
        if (length != 8 + 3 * components) {
            throw malformed(markerAt, "SOF55 length " + length + " does not match its " + components
                    + " component(s), which need " + (8 + 3 * components));
        }
        if (precision < 2 || precision > 16) {
            throw malformed(markerAt, "sample precision " + precision + " is outside the 2..16 bits of JPEG-LS");
        }
        if (components == 0) {
            throw malformed(markerAt, "SOF55 declares no components");
        }
        if (rows == 0) {
            throw unsupported(markerAt, "the frame header leaves the number of lines to a DNL marker");
        }
        if (columns == 0) {
            throw malformed(markerAt, "the frame header declares 0 columns");
        }
        if (rows != expected.rows() || columns != expected.columns() || components != expected.components()) {
            throw mismatch(markerAt, "the frame header declares " + columns + "x" + rows + " with " + components
                    + " component(s) but the DICOM header says " + expected.columns() + "x" + expected.rows() + " with "
                    + expected.components() + " sample(s) per pixel");
        }
        if (precision > expected.maxPrecision()) {
            throw mismatch(markerAt, precision + "-bit samples do not fit in Bits Allocated " + expected.maxPrecision());
        }
        int[] ids = new int[components];
        for (int c = 0; c < components; c++) {
            int at = p + 8 + 3 * c;
            ids[c] = u8(at);
            int sampling = u8(at + 1);
            if (sampling != 0x11) {
                throw unsupported(markerAt, "component " + ids[c] + " is subsampled (H " + (sampling >> 4) + ", V "
                        + (sampling & 15) + ")");
            }
            for (int other = 0; other < c; other++) {
                if (ids[other] == ids[c]) {
                    throw malformed(markerAt, "component identifier " + ids[c] + " appears twice in SOF55");
                }
            }
        }
        frame = new FrameHeader(precision, rows, columns, ids);
        decoded = new boolean[components];
        return p + length;
    }

    /** LSE (T.87 C.2.4.1): preset coding parameters; mapping tables and oversize dimensions are not supported. */
    private int readPresets(int markerAt, int p) throws JpegLsException {
        int length = segmentLength(markerAt, p, "LSE", 3);
        int id = u8(p + 2);
        switch (id) {
            case 1 -> {
                if (length != 13) {
                    throw malformed(markerAt, "LSE preset coding parameters (type 1) have length " + length + ", not 13");
                }
                preset = new PresetParameters(u16(p + 3), u16(p + 5), u16(p + 7), u16(p + 9), u16(p + 11));
            }
            case 2, 3 -> throw unsupported(markerAt, "mapping tables (LSE type " + id + ") are not supported");
            case 4 -> throw unsupported(markerAt, "oversize image dimensions (LSE type 4) are not supported");
            default -> throw malformed(markerAt, "LSE marker segment of unknown type " + id);
        }
        return p + length;
    }

    /** DRI: the restart interval in lines, 2 to 4 bytes (T.87 C.2.5). */
    private int readRestartInterval(int markerAt, int p) throws JpegLsException {
        int length = segmentLength(markerAt, p, "DRI", 4);
        if (length > 6) {
            throw malformed(markerAt, "DRI length " + length + " is not 4, 5 or 6");
        }
        long interval = 0;
        for (int i = 2; i < length; i++) {
            interval = (interval << 8) | u8(p + i);
        }
        restartInterval = (int) Math.min(interval, Integer.MAX_VALUE);
        return p + length;
    }

    /** SOS (T.87 C.2.3), then the scan's coded data; returns where the next marker starts. */
    private int readScan(int markerAt, int p, LineSink sink) throws JpegLsException {
        if (frame == null) {
            throw malformed(markerAt, "SOS before the SOF55 frame header");
        }
        int length = segmentLength(markerAt, p, "SOS", 6);
        int count = u8(p + 2);
        if (length != 6 + 2 * count) {
            throw malformed(markerAt, "SOS length " + length + " does not match its " + count + " component(s), which need "
                    + (6 + 2 * count));
        }
        if (count == 0 || count > decoded.length) {
            throw malformed(markerAt, "SOS names " + count + " components; the frame has " + decoded.length);
        }
        int[] components = new int[count];
        for (int i = 0; i < count; i++) {
            int id = u8(p + 3 + 2 * i);
            int table = u8(p + 4 + 2 * i);
            int index = indexOf(id);
            if (index < 0) {
                throw malformed(markerAt, "SOS names component " + id + ", which SOF55 does not declare");
            }
            if (decoded[index]) {
                throw malformed(markerAt, "component " + id + " appears in a second scan");
            }
            for (int j = 0; j < i; j++) {
                if (components[j] == index) {
                    throw malformed(markerAt, "SOS names component " + id + " twice");
                }
            }
            if (table != 0) {
                throw unsupported(markerAt, "component " + id + " uses mapping table " + table + " (palettised JPEG-LS)");
            }
            components[i] = index;
        }
        int near = u8(p + 3 + 2 * count);
        int interleave = u8(p + 4 + 2 * count);
        int pointTransform = u8(p + 5 + 2 * count);
        if (interleave > 2) {
            throw malformed(markerAt, "interleave mode " + interleave + " is not 0 (none), 1 (line) or 2 (sample)");
        }
        if (count > 1 && interleave == 0) {
            throw malformed(markerAt, "a scan of " + count + " components must interleave them by line or by sample");
        }
        if (pointTransform != 0) {
            throw unsupported(markerAt, "point transform " + pointTransform + " (Al/Ah byte of SOS) is not supported");
        }
        CodingParameters parameters = CodingParameters.resolve(frame.precision(), near, preset, markerAt - origin);
        int next = decodeCodedData(markerAt, p + length, near, parameters, components, count == 1 ? 0 : interleave, sink);
        for (int index : components) {
            decoded[index] = true;
        }
        scans++;
        return next;
    }

    /**
     * Decodes the coded data of a scan from {@code start}; returns where the marker after it is.
     * A scan of under-8-bit samples that fails, or does not end where its coded data does, is
     * decoded again with the thresholds DCMTK's CharLS 1.x uses for them.
     */
    private int decodeCodedData(int markerAt, int start, int near, CodingParameters parameters, int[] components, int mode,
                                LineSink sink) throws JpegLsException {
        int next;
        boolean clean;
        JpegLsException failure = null;
        try {
            ScanDecoder scan = new ScanDecoder(data, origin, start, end, frame.columns(), near, parameters);
            next = scan.decode(frame.rows(), components, mode, restartInterval, sink);
            clean = scan.unreadBits() <= MAX_PADDING_BITS;
        } catch (JpegLsException e) {
            if (e.kind() != JpegLsException.Kind.MALFORMED && e.kind() != JpegLsException.Kind.TRUNCATED) {
                throw e;
            }
            failure = e;
            next = -1;
            clean = false;
        }
        CodingParameters legacy = clean ? null
                : CodingParameters.charLs1Defaults(frame.precision(), near, preset, markerAt - origin);
        if (legacy != null) {
            // The scan failed or did not end where its coded data does, and its samples have under
            // 8 bits: DCMTK's CharLS 1.x codes those with other default thresholds than T.87
            // (CharLS issue #51). If they decode the scan cleanly, the stream came from there.
            int legacyNext = -1;
            try {
                ScanDecoder scan = new ScanDecoder(data, origin, start, end, frame.columns(), near, legacy);
                legacyNext = scan.decode(frame.rows(), components, mode, restartInterval, sink);
                if (scan.unreadBits() > MAX_PADDING_BITS) {
                    legacyNext = -1;
                }
            } catch (JpegLsException e) {
                // not a CharLS 1.x stream either
            }
            if (legacyNext >= 0) {
                next = legacyNext;
                failure = null;
            } else if (failure == null) {
                // T.87 decoded it, only with data left over: decode it so again, over the attempt's lines.
                next = new ScanDecoder(data, origin, start, end, frame.columns(), near, parameters)
                        .decode(frame.rows(), components, mode, restartInterval, sink);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return next;
    }

    /** APPn and COM hold nothing a decoder needs, except CharLS's colour transform, which would change the samples. */
    private int skipApplicationSegment(int markerAt, int p, int code) throws JpegLsException {
        int length = segmentLength(markerAt, p, String.format("FF%02X", code), 2);
        if (code == 0xE8 && length >= 7 && u8(p + 2) == 'm' && u8(p + 3) == 'r' && u8(p + 4) == 'f' && u8(p + 5) == 'x'
                && u8(p + 6) != 0) {
            throw unsupported(markerAt, "the HP colour transform " + u8(p + 6) + " (APP8 \"mrfx\") is not part of T.87"
                    + " and not supported");
        }
        return p + length;
    }

    private int indexOf(int componentId) {
        int[] ids = frame.componentIds();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == componentId) {
                return i;
            }
        }
        return -1;
    }

    /** A marker segment's length field at {@code p}, checked to be at least {@code min} and to fit in the data. */
    private int segmentLength(int markerAt, int p, String name, int min) throws JpegLsException {
        if (p + 2 > end) {
            throw truncated(markerAt, "the codestream ends inside the " + name + " marker segment");
        }
        int length = u16(p);
        if (length < min) {
            throw malformed(markerAt, name + " marker segment length " + length + " is less than the " + min + " it needs");
        }
        if (p + length > end) {
            throw truncated(markerAt, name + " marker segment of " + length + " bytes runs past the end of the codestream");
        }
        return length;
    }

    private int u8(int at) {
        return data[at] & 0xFF;
    }

    private int u16(int at) {
        return (u8(at) << 8) | u8(at + 1);
    }

    private JpegLsException malformed(int at, String what) {
        return new JpegLsException(JpegLsException.Kind.MALFORMED, at - origin, what);
    }

    private JpegLsException truncated(int at, String what) {
        return new JpegLsException(JpegLsException.Kind.TRUNCATED, at - origin, what);
    }

    private JpegLsException unsupported(int at, String what) {
        return new JpegLsException(JpegLsException.Kind.UNSUPPORTED, at - origin, what);
    }

    private JpegLsException mismatch(int at, String what) {
        return new JpegLsException(JpegLsException.Kind.MISMATCH, at - origin, what);
    }
}
