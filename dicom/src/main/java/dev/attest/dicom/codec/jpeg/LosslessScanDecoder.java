package dev.attest.dicom.codec.jpeg;

import dev.attest.dicom.pixel.PixelDataException;

/**
 * Decodes one scan of a lossless frame (T.81 Annex H, process 14): each sample is a prediction
 * from its decoded neighbours plus a Huffman-coded difference, modulo 2^16 (H.2.1). The
 * samples stored are the point-transformed ones; the shift back happens on output.
 */
final class LosslessScanDecoder {
    private final FrameHeader frame;
    private final Component[] scan;
    private final int predictor;
    private final int restartInterval;
    private final BitReader in;
    private final FrameOrigin origin;
    /** The prediction for the first sample of a scan or restart interval: 2^(P - Pt - 1) (H.1.2.1). */
    private final int initial;

    LosslessScanDecoder(FrameHeader frame, Component[] scan, int predictor, int pointTransform, int restartInterval,
                        BitReader in, FrameOrigin origin) {
        this.frame = frame;
        this.scan = scan;
        this.predictor = predictor;
        this.restartInterval = restartInterval;
        this.in = in;
        this.origin = origin;
        this.initial = 1 << (frame.precision() - pointTransform - 1);
    }

    void decode() throws PixelDataException {
        boolean unitSampling = true;
        for (Component c : scan) {
            unitSampling &= scan.length == 1 || (c.h == 1 && c.v == 1);
        }
        // An MCU is one sample of each component, unless an interleaved scan samples some more
        // densely (A.2.3); a non-interleaved scan covers the component's own samples.
        int perLine = scan.length == 1 ? scan[0].width : frame.mcusPerLine();
        int lines = scan.length == 1 ? scan[0].height : frame.mcuRows();
        if (restartInterval % perLine != 0) {
            // Prediction restarts with each interval's first line (H.1.2.1), which an interval
            // starting mid-line would not have; DCMTK (IJG) refuses these too.
            throw origin.error("the lossless restart interval of " + restartInterval + " MCUs is not a whole number of lines of "
                    + perLine + " MCUs");
        }
        int rowsPerInterval = restartInterval / perLine;
        if (unitSampling) {
            if (scan.length == 1) {
                single(scan[0], perLine, lines, rowsPerInterval);
            } else {
                interleaved(perLine, lines, rowsPerInterval);
            }
        } else {
            sampled(perLine, lines);
        }
    }

    /**
     * One component, row by row: the benchmarked case (grey CT and MR), so kept tight: the bit
     * buffer lives in local variables for a line at a time.
     */
    private void single(Component c, int width, int height, int rowsPerInterval) throws PixelDataException {
        short[] p = c.samples;
        int stride = c.stride;
        HuffmanTable t = c.dcTable;
        int[] lookup = t.differenceLookup();
        BitReader r = in;
        int restarts = 0;
        for (int y = 0; y < height; y++) {
            int row = c.offset + y * stride;
            boolean first = y == 0;
            if (rowsPerInterval > 0 && y > 0 && y % rowsPerInterval == 0) {
                r.restart(restarts++);
                first = true;
            }
            int up = row - stride;
            // The first line of a scan or interval predicts from the left only, the first
            // column from above (H.1.2.1).
            int ra = first ? initial : p[up] & 0xFFFF;
            int sel = first ? 1 : predictor;
            long buf = r.buf;
            int bits = r.bits;
            for (int x = 0; x < width; x++) {
                if (bits < 32) {
                    r.buf = buf;
                    r.bits = bits;
                    r.fill();
                    buf = r.buf;
                    bits = r.bits;
                }
                int diff;
                int e = lookup[(int) (buf >>> (bits - HuffmanTable.DIFF_BITS)) & HuffmanTable.DIFF_MASK];
                if (e != 0) {
                    bits -= e & 0xFF;
                    diff = e >> 8;
                } else {
                    r.buf = buf;
                    r.bits = bits;
                    diff = difference(r, t);
                    bits = r.bits;
                }
                int prediction;
                if (x == 0) {
                    prediction = ra;
                } else {
                    prediction = switch (sel) {
                        case 1 -> ra;
                        case 2 -> p[up + x] & 0xFFFF;
                        case 3 -> p[up + x - 1] & 0xFFFF;
                        case 4 -> ra + (p[up + x] & 0xFFFF) - (p[up + x - 1] & 0xFFFF);
                        case 5 -> ra + (((p[up + x] & 0xFFFF) - (p[up + x - 1] & 0xFFFF)) >> 1);
                        case 6 -> (p[up + x] & 0xFFFF) + ((ra - (p[up + x - 1] & 0xFFFF)) >> 1);
                        default -> (ra + (p[up + x] & 0xFFFF)) >> 1;
                    };
                }
                ra = (prediction + diff) & 0xFFFF;
                p[row + x] = (short) ra;
            }
            r.buf = buf;
            r.bits = bits;
            if (r.overrun()) {
                throw origin.error("the entropy-coded data ends in line " + y + " of the scan (truncated or corrupt)");
            }
        }
    }

    /** Several components with one sample each per MCU: the colour case. */
    private void interleaved(int width, int height, int rowsPerInterval) throws PixelDataException {
        int n = scan.length;
        int restarts = 0;
        for (int y = 0; y < height; y++) {
            boolean first = y == 0;
            if (rowsPerInterval > 0 && y > 0 && y % rowsPerInterval == 0) {
                in.restart(restarts++);
                first = true;
            }
            for (int x = 0; x < width; x++) {
                for (int i = 0; i < n; i++) {
                    Component c = scan[i];
                    short[] p = c.samples;
                    int at = c.offset + y * c.stride + x;
                    int prediction;
                    if (first) {
                        prediction = x == 0 ? initial : p[at - 1] & 0xFFFF;
                    } else if (x == 0) {
                        prediction = p[at - c.stride] & 0xFFFF;
                    } else {
                        prediction = predict(predictor, p[at - 1] & 0xFFFF, p[at - c.stride] & 0xFFFF,
                                p[at - c.stride - 1] & 0xFFFF);
                    }
                    p[at] = (short) (prediction + difference(in, c.dcTable));
                }
            }
            if (in.overrun()) {
                throw origin.error("the entropy-coded data ends in line " + y + " of the scan (truncated or corrupt)");
            }
        }
    }

    /**
     * An interleaved scan whose MCUs hold several samples of some component (A.2.3): MCU by MCU,
     * each sample predicted by where it lies relative to the first line of its restart interval.
     */
    private void sampled(int perLine, int lines) throws PixelDataException {
        int n = scan.length;
        int firstLine = 0;
        int untilRestart = restartInterval;
        int restarts = 0;
        for (int my = 0; my < lines; my++) {
            for (int mx = 0; mx < perLine; mx++) {
                if (restartInterval > 0) {
                    if (untilRestart == 0) {
                        in.restart(restarts++);
                        untilRestart = restartInterval;
                        firstLine = my; // intervals are whole MCU lines
                    }
                    untilRestart--;
                }
                for (Component c : scan) {
                    short[] p = c.samples;
                    int top = firstLine * c.v;
                    for (int v = 0; v < c.v; v++) {
                        int y = my * c.v + v;
                        for (int h = 0; h < c.h; h++) {
                            int x = mx * c.h + h;
                            int at = c.offset + y * c.stride + x;
                            int prediction;
                            if (y == top) {
                                prediction = x == 0 ? initial : p[at - 1] & 0xFFFF;
                            } else if (x == 0) {
                                prediction = p[at - c.stride] & 0xFFFF;
                            } else {
                                prediction = predict(predictor, p[at - 1] & 0xFFFF, p[at - c.stride] & 0xFFFF,
                                        p[at - c.stride - 1] & 0xFFFF);
                            }
                            p[at] = (short) (prediction + difference(in, c.dcTable));
                        }
                    }
                }
            }
            if (in.overrun()) {
                throw origin.error("the entropy-coded data ends in MCU row " + my + " of the scan (truncated or corrupt)");
            }
        }
    }

    /** The predictors of Table H.1, selection values 1 to 7, on unsigned samples. */
    static int predict(int selection, int ra, int rb, int rc) {
        return switch (selection) {
            case 1 -> ra;
            case 2 -> rb;
            case 3 -> rc;
            case 4 -> ra + rb - rc;
            case 5 -> ra + ((rb - rc) >> 1);
            case 6 -> rb + ((ra - rc) >> 1);
            default -> (ra + rb) >> 1;
        };
    }

    /**
     * One difference (H.1.2.2): a Huffman-coded category SSSS and SSSS extra bits, except
     * category 16, which stands for 32768 alone.
     */
    private static int difference(BitReader r, HuffmanTable t) throws PixelDataException {
        if (r.bits < 32) {
            r.fill();
        }
        int whole = t.differenceLookup()[(int) (r.buf >>> (r.bits - HuffmanTable.DIFF_BITS)) & HuffmanTable.DIFF_MASK];
        if (whole != 0) {
            r.bits -= whole & 0xFF;
            return whole >> 8;
        }
        int e = t.fast[(int) (r.buf >>> (r.bits - HuffmanTable.FAST_BITS)) & HuffmanTable.FAST_MASK];
        int s;
        if (e != 0) {
            r.bits -= e >> 8;
            s = e & 0xFF;
        } else {
            s = r.decodeLong(t);
        }
        if (s == 0) {
            return 0;
        }
        if (s == 16) {
            return 32768;
        }
        r.bits -= s;
        int v = (int) (r.buf >>> r.bits) & ((1 << s) - 1);
        return v < (1 << (s - 1)) ? v + (-1 << s) + 1 : v;
    }
}
