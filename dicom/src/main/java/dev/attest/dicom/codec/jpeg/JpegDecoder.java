package dev.attest.dicom.codec.jpeg;

import dev.attest.dicom.pixel.PixelDataException;
import dev.attest.dicom.pixel.PixelDescription;

import static dev.attest.dicom.codec.jpeg.JpegMarkers.*;

/**
 * Decodes one JPEG codestream (an interchange format of T.81 Annex B) of the non-hierarchical
 * Huffman processes: baseline and extended sequential DCT, progressive DCT, and lossless. Reads
 * the marker segments in order, checks the frame header against the DICOM image description
 * before allocating anything, decodes each scan as it comes, and writes the result as stored
 * values. One instance per frame: not thread-safe.
 */
final class JpegDecoder {
    /** Real progressive codestreams have a dozen scans; thousands only make decoding slow. */
    static final int MAX_SCANS = 1000;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final byte[] data;
    private final int end;
    private final FrameOrigin origin;
    private final PixelDescription d;
    private final Object dest;
    private final int destOffset;
    private int pos;

    private final int[][] quantTables = new int[4][];
    private final HuffmanTable[] dcTables = new HuffmanTable[4];
    private final HuffmanTable[] acTables = new HuffmanTable[4];
    private int restartInterval;
    private FrameHeader frame;
    /** Whether the frame header left the number of lines to a DNL marker (Y = 0). */
    private boolean linesFromDnl;
    private boolean jfif;
    /** The colour transform flag of an Adobe APP14 segment, -1 without one. */
    private int adobeTransform = -1;
    private int scans;

    JpegDecoder(byte[] data, int length, PixelDescription d, FrameOrigin origin, Object dest, int destOffset) {
        this.data = data;
        this.end = length;
        this.origin = origin;
        this.d = d;
        this.dest = dest;
        this.destOffset = destOffset;
    }

    /** Decodes the codestream into the destination; returns the photometric interpretation written. */
    String decode() throws PixelDataException {
        if (end < 2 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != SOI) {
            throw origin.error("the codestream does not start with an SOI marker (FFD8)");
        }
        pos = 2;
        boolean ended = readMarkers();
        if (frame == null) {
            throw origin.error("the codestream has no frame header (SOF marker)");
        }
        if (scans == 0) {
            throw origin.error("the codestream has no scan (SOS marker)");
        }
        for (Component c : frame.components()) {
            if (!c.coded) {
                throw origin.error("component " + c.id + " is in the frame header but in no scan");
            }
        }
        if (frame.progressive()) {
            if (!ended) {
                // Without EOI there is no telling whether later scans (detail, refinement) are missing.
                throw origin.error("the progressive codestream ends after " + scans + " scan(s) without an EOI marker (truncated)");
            }
            for (Component c : frame.components()) {
                DctScanDecoder.transformAll(c, frame.precision());
            }
        }
        return output();
    }

    /** Reads marker segments up to EOI (returns true) or the end of the data (false). */
    private boolean readMarkers() throws PixelDataException {
        while (true) {
            int marker = nextMarker();
            if (marker < 0 || marker == EOI) {
                // A sequential or lossless frame whose scans are complete decodes without its EOI, as in other decoders.
                return marker == EOI;
            }
            if (standalone(marker)) {
                continue; // a stray RSTn or TEM carries nothing
            }
            int at = pos - 2;
            if (pos + 2 > end) {
                throw origin.error(name(marker) + " at byte " + at + " has no length");
            }
            int length = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
            if (length < 2 || pos + length > end) {
                throw origin.error(name(marker) + " at byte " + at + " declares a " + length
                        + "-byte segment but " + (end - pos) + " bytes remain");
            }
            int start = pos + 2;
            int size = length - 2;
            pos += length;
            switch (marker) {
                case SOF0, SOF1, SOF2, SOF3 -> readFrameHeader(marker, start, size);
                case DHT -> readHuffmanTables(start, size);
                case DQT -> readQuantTables(start, size);
                case DRI -> {
                    require(marker, size, 2);
                    restartInterval = u16(start);
                }
                case SOS -> readScan(start, size);
                case DNL -> readLineCount(start, size);
                case APP0 -> jfif |= size >= 5 && data[start] == 'J' && data[start + 1] == 'F' && data[start + 2] == 'I'
                        && data[start + 3] == 'F' && data[start + 4] == 0;
                case APP14 -> {
                    if (size >= 12 && data[start] == 'A' && data[start + 1] == 'd' && data[start + 2] == 'o'
                            && data[start + 3] == 'b' && data[start + 4] == 'e') {
                        adobeTransform = data[start + 11] & 0xFF;
                    }
                }
                case DAC, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF -> throw origin.error(
                        "arithmetic-coded JPEG (" + name(marker) + ") is not supported; only Huffman coding is");
                case 0xC5, 0xC6, 0xC7, DHP, EXP -> throw origin.error(
                        "hierarchical JPEG (" + name(marker) + ") is not supported");
                case SOF55, LSE -> throw origin.error(
                        "the codestream is JPEG-LS (" + name(marker) + "), not JPEG (ITU-T T.81)");
                default -> {
                    // APPn, COM and reserved segments carry nothing the pixels depend on.
                }
            }
        }
    }

    /** The code of the next marker, skipping fill bytes (and, as decoders do, stray bytes); -1 at the end. */
    private int nextMarker() {
        while (pos + 1 < end) {
            if ((data[pos] & 0xFF) == 0xFF) {
                int m = data[pos + 1] & 0xFF;
                if (m != 0 && m != 0xFF) {
                    pos += 2;
                    return m;
                }
            }
            pos++;
        }
        pos = end;
        return -1;
    }

    private int u16(int at) {
        return ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
    }

    private void require(int marker, int size, int expected) throws PixelDataException {
        if (size != expected) {
            throw origin.error(name(marker) + " segment has " + size + " bytes where " + expected + " are expected");
        }
    }

    // ---- frame header ----------------------------------------------------------------------

    private void readFrameHeader(int marker, int start, int size) throws PixelDataException {
        if (frame != null) {
            throw origin.error("a second frame header (" + name(marker) + ") in one codestream");
        }
        if (size < 6) {
            throw origin.error(name(marker) + " segment is too short (" + size + " bytes)");
        }
        int precision = data[start] & 0xFF;
        int lines = u16(start + 1);
        int perLine = u16(start + 3);
        int count = data[start + 5] & 0xFF;
        require(marker, size, 6 + 3 * count);
        boolean lossless = marker == SOF3;
        String process = switch (marker) {
            case SOF0 -> "baseline";
            case SOF1 -> "extended sequential";
            case SOF2 -> "progressive";
            default -> "lossless";
        };
        if (lossless ? precision < 2 || precision > 16 : precision != 8 && precision != 12) {
            throw origin.error(process + " JPEG with sample precision " + precision + " (" + name(marker)
                    + "); T.81 allows " + (lossless ? "2 to 16" : "8 or 12") + " bits");
        }
        // The DICOM header is the authority on size: nothing is allocated for a SOF that disagrees.
        if (precision > d.bitsAllocated()) {
            throw origin.error(precision + "-bit JPEG samples do not fit Bits Allocated " + d.bitsAllocated());
        }
        if (perLine != d.columns() || (lines != 0 && lines != d.rows())) {
            throw origin.error("the frame header says " + perLine + " × " + lines + " but the DICOM header says "
                    + d.columns() + " columns × " + d.rows() + " rows");
        }
        if (count != d.samplesPerPixel()) {
            throw origin.error("the frame header has " + count + " component(s) but Samples per Pixel is " + d.samplesPerPixel());
        }
        if (d.bitsAllocated() != 8 && d.bitsAllocated() != 16 && d.bitsAllocated() != 32) {
            throw origin.error("JPEG samples cannot be held in Bits Allocated " + d.bitsAllocated());
        }
        Component[] comps = new Component[count];
        for (int i = 0; i < count; i++) {
            int at = start + 6 + 3 * i;
            int id = data[at] & 0xFF;
            int h = (data[at + 1] & 0xFF) >> 4;
            int v = data[at + 1] & 0x0F;
            int tq = data[at + 2] & 0xFF;
            if (h < 1 || h > 4 || v < 1 || v > 4) {
                throw origin.error("component " + id + " has sampling factors " + h + "×" + v + "; T.81 allows 1 to 4");
            }
            if (tq > 3) {
                throw origin.error("component " + id + " selects quantization table " + tq + " (0 to 3)");
            }
            for (int j = 0; j < i; j++) {
                if (comps[j].id == id) {
                    throw origin.error("two components have the identifier " + id);
                }
            }
            comps[i] = new Component(id, i, h, v, tq);
        }
        linesFromDnl = lines == 0;
        frame = FrameHeader.of(marker, precision, d.rows(), perLine, comps);
        for (Component c : comps) {
            if (frame.hMax() % c.h != 0 || frame.vMax() % c.v != 0) {
                throw origin.error("component " + c.id + " has sampling factors " + c.h + "×" + c.v
                        + ", which do not divide the largest ones " + frame.hMax() + "×" + frame.vMax());
            }
        }
        allocate(comps);
    }

    private void allocate(Component[] comps) throws PixelDataException {
        if (d.nativeFrameBytes() > JpegFrameCodec.maxNativeBytes(end)) {
            throw origin.error(end + " bytes of JPEG data cannot hold the " + d.nativeFrameBytes()
                    + " bytes the image attributes describe");
        }
        int unit = frame.unitSize();
        for (Component c : comps) {
            long w = (long) c.unitsWide * unit;
            long h = (long) c.unitsHigh * unit;
            if (w * h > MAX_ARRAY || (frame.progressive() && (long) c.unitsWide * c.unitsHigh * 64 > MAX_ARRAY)) {
                throw origin.error("component " + c.id + " needs " + w + " × " + h + " samples, more than Attest can hold");
            }
            c.stride = (int) w;
            if (comps.length == 1 && dest instanceof short[] out && w == d.columns() && h == d.rows()) {
                // One component whose padded plane is the image: decode straight into the caller's array.
                c.samples = out;
                c.offset = destOffset;
            } else {
                c.samples = new short[(int) (w * h)];
            }
            if (frame.progressive()) {
                c.coefficients = new short[c.unitsWide * c.unitsHigh * 64];
            }
        }
    }

    private void readLineCount(int start, int size) throws PixelDataException {
        require(DNL, size, 2);
        int lines = u16(start);
        if (linesFromDnl && lines != d.rows()) {
            throw origin.error("the DNL marker says " + lines + " lines but the DICOM header says " + d.rows() + " rows");
        }
    }

    // ---- tables ------------------------------------------------------------------------------

    private void readHuffmanTables(int start, int size) throws PixelDataException {
        int at = start;
        int stop = start + size;
        while (at < stop) {
            if (at + 17 > stop) {
                throw origin.error("DHT segment ends inside a table header");
            }
            int tc = (data[at] & 0xFF) >> 4;
            int th = data[at] & 0x0F;
            if (tc > 1 || th > 3) {
                throw origin.error("DHT defines table class " + tc + " destination " + th + " (class 0 or 1, destination 0 to 3)");
            }
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = data[at + 1 + i] & 0xFF;
                total += counts[i];
            }
            at += 17;
            if (total > 256 || at + total > stop) {
                throw origin.error("DHT table " + th + " declares " + total + " codes but the segment holds "
                        + Math.max(0, stop - at) + " more bytes");
            }
            int[] values = new int[total];
            for (int i = 0; i < total; i++) {
                values[i] = data[at + i] & 0xFF;
            }
            at += total;
            HuffmanTable table = new HuffmanTable(counts, values, origin);
            if (tc == 0) {
                dcTables[th] = table;
            } else {
                acTables[th] = table;
            }
        }
    }

    private void readQuantTables(int start, int size) throws PixelDataException {
        int at = start;
        int stop = start + size;
        while (at < stop) {
            int pq = (data[at] & 0xFF) >> 4;
            int tq = data[at] & 0x0F;
            if (pq > 1 || tq > 3) {
                throw origin.error("DQT defines table " + tq + " with precision " + pq + " (0 or 1, table 0 to 3)");
            }
            int bytes = pq == 0 ? 64 : 128;
            if (at + 1 + bytes > stop) {
                throw origin.error("DQT segment ends inside table " + tq);
            }
            int[] table = new int[64];
            for (int k = 0; k < 64; k++) {
                int q = pq == 0 ? data[at + 1 + k] & 0xFF : u16(at + 1 + 2 * k);
                table[DctScanDecoder.ZIGZAG[k]] = q;
            }
            quantTables[tq] = table;
            at += 1 + bytes;
        }
    }

    // ---- scans -------------------------------------------------------------------------------

    private void readScan(int start, int size) throws PixelDataException {
        if (frame == null) {
            throw origin.error("a scan (SOS) before the frame header");
        }
        if (++scans > MAX_SCANS) {
            throw origin.error("more than " + MAX_SCANS + " scans");
        }
        int count = size > 0 ? data[start] & 0xFF : 0;
        if (count < 1 || count > 4 || size != 4 + 2 * count) {
            throw origin.error("SOS segment of " + size + " bytes for " + count + " component(s) is malformed");
        }
        Component[] scan = new Component[count];
        int[] dcSelector = new int[count];
        int[] acSelector = new int[count];
        int blocksPerMcu = 0;
        for (int i = 0; i < count; i++) {
            int id = data[start + 1 + 2 * i] & 0xFF;
            Component c = null;
            for (Component candidate : frame.components()) {
                if (candidate.id == id) {
                    c = candidate;
                }
            }
            if (c == null) {
                throw origin.error("scan " + scans + " names component " + id + ", which the frame header does not have");
            }
            for (int j = 0; j < i; j++) {
                if (scan[j] == c) {
                    throw origin.error("scan " + scans + " names component " + id + " twice");
                }
            }
            scan[i] = c;
            dcSelector[i] = (data[start + 2 + 2 * i] & 0xFF) >> 4;
            acSelector[i] = data[start + 2 + 2 * i] & 0x0F;
            blocksPerMcu += c.h * c.v;
        }
        int ss = data[start + 1 + 2 * count] & 0xFF;
        int se = data[start + 2 + 2 * count] & 0xFF;
        int ah = (data[start + 3 + 2 * count] & 0xFF) >> 4;
        int al = data[start + 3 + 2 * count] & 0x0F;
        if (count > 1 && blocksPerMcu > 10) {
            throw origin.error("scan " + scans + " interleaves " + blocksPerMcu + " data units per MCU; T.81 allows 10");
        }
        BitReader in = new BitReader(data, pos, end, origin);
        if (frame.lossless()) {
            if (ss < 1 || ss > 7) {
                throw origin.error("lossless scan " + scans + " has predictor selection value " + ss + " (1 to 7)");
            }
            if (al >= frame.precision()) {
                throw origin.error("lossless scan " + scans + " has point transform " + al + " for " + frame.precision() + "-bit samples");
            }
            for (int i = 0; i < count; i++) {
                scan[i].dcTable = table(dcTables, dcSelector[i], "DC", scan[i], 16);
                scan[i].pointTransform = al;
                scan[i].coded = true;
            }
            new LosslessScanDecoder(frame, scan, ss, al, restartInterval, in, origin).decode();
        } else {
            DctScanDecoder.Kind kind = dctKind(scan, ss, se, ah, al);
            boolean needsDc = kind == DctScanDecoder.Kind.SEQUENTIAL || kind == DctScanDecoder.Kind.DC_FIRST;
            boolean needsAc = kind != DctScanDecoder.Kind.DC_FIRST && kind != DctScanDecoder.Kind.DC_REFINE;
            for (int i = 0; i < count; i++) {
                Component c = scan[i];
                if (c.quant == null) {
                    int[] q = quantTables[c.tq];
                    if (q == null) {
                        throw origin.error("component " + c.id + " uses quantization table " + c.tq + ", which is not defined");
                    }
                    c.quant = q.clone();
                }
                c.dcTable = needsDc ? table(dcTables, dcSelector[i], "DC", c, 15) : null;
                c.acTable = needsAc ? table(acTables, acSelector[i], "AC", c, 255) : null;
                c.coded = true;
            }
            if (kind == DctScanDecoder.Kind.SEQUENTIAL) {
                ss = 0;
                se = 63;
                al = 0;
            }
            new DctScanDecoder(frame, scan, kind, ss, se, al, restartInterval, in, origin).decode();
        }
        if (in.overrun()) {
            throw origin.error("the entropy-coded data of scan " + scans + " ends early (truncated or corrupt)");
        }
        pos = in.skipToMarker();
    }

    private DctScanDecoder.Kind dctKind(Component[] scan, int ss, int se, int ah, int al) throws PixelDataException {
        if (!frame.progressive()) {
            // Sequential scans always code all 64 coefficients; decoders ignore Ss, Se, Ah, Al here.
            return DctScanDecoder.Kind.SEQUENTIAL;
        }
        boolean dc = ss == 0;
        String problem = null;
        if (dc && se != 0) {
            problem = "a DC scan must have Se = 0";
        } else if (!dc && (se < ss || se > 63)) {
            problem = "the spectral band must lie within 1..63";
        } else if (!dc && scan.length != 1) {
            problem = "an AC scan must hold one component";
        } else if (al > 13 || (ah != 0 && ah != al + 1)) {
            problem = "successive approximation must refine one bit at a time (Ah = Al + 1, Al at most 13)";
        }
        if (problem != null) {
            throw origin.error("progressive scan " + scans + " has Ss=" + ss + " Se=" + se + " Ah=" + ah + " Al=" + al + ": " + problem);
        }
        if (dc) {
            return ah == 0 ? DctScanDecoder.Kind.DC_FIRST : DctScanDecoder.Kind.DC_REFINE;
        }
        return ah == 0 ? DctScanDecoder.Kind.AC_FIRST : DctScanDecoder.Kind.AC_REFINE;
    }

    private HuffmanTable table(HuffmanTable[] tables, int selector, String kind, Component c, int maxValue)
            throws PixelDataException {
        HuffmanTable t = selector < 4 ? tables[selector] : null;
        if (t == null) {
            throw origin.error("scan " + scans + " selects " + kind + " Huffman table " + selector + " for component "
                    + c.id + ", which is not defined");
        }
        if (t.maxValue > maxValue) {
            throw origin.error(kind + " Huffman table " + selector + " holds category " + t.maxValue
                    + "; at most " + maxValue + " is possible here");
        }
        return t;
    }

    // ---- output ------------------------------------------------------------------------------

    /**
     * Writes the planes as stored values and says what colour model they are in. Lossy colour
     * is converted from Y Cb Cr to RGB here, with the JPEG decoder's own equations, when the DICOM
     * header says YBR_FULL(_422), or when it says RGB but the codestream says its components are
     * Y Cb Cr (a JFIF segment, or an Adobe segment with transform 1); RGB with neither is taken as
     * stored without a transform, as DCMTK does. Lossless JPEG has no colour transform.
     */
    private String output() {
        String photometric = d.photometric();
        boolean colour = frame.components().length == 3;
        boolean convert = false;
        if (colour && !frame.lossless()) {
            if (photometric.equals("YBR_FULL") || photometric.equals("YBR_FULL_422")) {
                convert = true;
            } else if (photometric.equals("RGB")) {
                convert = adobeTransform >= 0 ? adobeTransform == 1 : jfif;
            }
        }
        SampleWriter.write(frame, d, convert, frame.lossless() ? SampleWriter.Upsampling.REPLICATE : SampleWriter.Upsampling.TRIANGLE,
                dest, destOffset);
        if (convert) {
            return "RGB";
        }
        if (colour && photometric.startsWith("YBR_FULL")) {
            return "YBR_FULL"; // upsampled: one full-range triple per pixel, for the caller to convert
        }
        if (colour && photometric.startsWith("YBR_PARTIAL")) {
            return "YBR_PARTIAL";
        }
        return photometric;
    }
}
