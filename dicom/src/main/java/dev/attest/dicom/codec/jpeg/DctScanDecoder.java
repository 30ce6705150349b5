package dev.attest.dicom.codec.jpeg;

import dev.attest.dicom.pixel.PixelDataException;

import java.util.Arrays;

/**
 * Decodes one scan of a DCT frame with Huffman coding: sequential scans (F.2.2) straight into
 * the components' sample planes, progressive scans (G.2) into their coefficient buffers. The
 * walk over MCUs and restart intervals (A.2, F.1.2.3) is the same for all of them.
 */
final class DctScanDecoder {
    /** ZIGZAG[k] is the natural (row-major) index of the k-th coefficient in zig-zag order (Figure A.6). */
    static final int[] ZIGZAG = zigzag();

    enum Kind { SEQUENTIAL, DC_FIRST, DC_REFINE, AC_FIRST, AC_REFINE }

    private final FrameHeader frame;
    private final Component[] scan;
    private final Kind kind;
    private final int ss;
    private final int se;
    private final int al;
    private final int restartInterval;
    private final BitReader in;
    private final FrameOrigin origin;
    private final int[] block = new int[64];
    private final int[] workspace = new int[64];
    /** Blocks left in the current end-of-band run (G.1.2.2). */
    private int eobRun;

    DctScanDecoder(FrameHeader frame, Component[] scan, Kind kind, int ss, int se, int al, int restartInterval,
                   BitReader in, FrameOrigin origin) {
        this.frame = frame;
        this.scan = scan;
        this.kind = kind;
        this.ss = ss;
        this.se = se;
        this.al = al;
        this.restartInterval = restartInterval;
        this.in = in;
        this.origin = origin;
    }

    private static int[] zigzag() {
        int[] order = new int[64];
        int k = 0;
        for (int diagonal = 0; diagonal < 15; diagonal++) {
            int lo = Math.max(0, diagonal - 7);
            int hi = Math.min(diagonal, 7);
            // Even diagonals run up and to the right, odd ones down and to the left.
            for (int i = 0; i <= hi - lo; i++) {
                int row = diagonal % 2 == 0 ? hi - i : lo + i;
                order[k++] = row * 8 + (diagonal - row);
            }
        }
        return order;
    }

    void decode() throws PixelDataException {
        for (Component c : scan) {
            c.dcPredictor = 0;
        }
        int untilRestart = restartInterval;
        int restarts = 0;
        if (scan.length == 1) {
            // A non-interleaved scan: one block per MCU, covering only the component's own blocks (A.2.2).
            Component c = scan[0];
            int wide = FrameHeader.ceilDiv(c.width, 8);
            int high = FrameHeader.ceilDiv(c.height, 8);
            for (int by = 0; by < high; by++) {
                for (int bx = 0; bx < wide; bx++) {
                    if (restartInterval > 0) {
                        if (untilRestart == 0) {
                            restart(restarts++);
                            untilRestart = restartInterval;
                        }
                        untilRestart--;
                    }
                    unit(c, bx, by);
                }
                checkOverrun(by);
            }
            return;
        }
        for (int my = 0; my < frame.mcuRows(); my++) {
            for (int mx = 0; mx < frame.mcusPerLine(); mx++) {
                if (restartInterval > 0) {
                    if (untilRestart == 0) {
                        restart(restarts++);
                        untilRestart = restartInterval;
                    }
                    untilRestart--;
                }
                for (Component c : scan) {
                    for (int v = 0; v < c.v; v++) {
                        for (int h = 0; h < c.h; h++) {
                            unit(c, mx * c.h + h, my * c.v + v);
                        }
                    }
                }
            }
            checkOverrun(my);
        }
    }

    private void restart(int n) throws PixelDataException {
        in.restart(n);
        for (Component c : scan) {
            c.dcPredictor = 0;
        }
        eobRun = 0;
    }

    private void checkOverrun(int row) throws PixelDataException {
        if (in.overrun()) {
            throw origin.error("the entropy-coded data ends in MCU row " + row + " of the scan (truncated or corrupt)");
        }
    }

    private void unit(Component c, int bx, int by) throws PixelDataException {
        switch (kind) {
            case SEQUENTIAL -> sequential(c, bx, by);
            case DC_FIRST -> dcFirst(c, (by * c.unitsWide + bx) * 64);
            case DC_REFINE -> {
                if (in.bit() != 0) {
                    int at = (by * c.unitsWide + bx) * 64;
                    c.coefficients[at] |= (short) (1 << al);
                }
            }
            case AC_FIRST -> acFirst(c, (by * c.unitsWide + bx) * 64);
            case AC_REFINE -> acRefine(c, (by * c.unitsWide + bx) * 64);
        }
    }

    /** A whole block (F.2.2.1, F.2.2.2), inverse-transformed into the plane at once. */
    private void sequential(Component c, int bx, int by) throws PixelDataException {
        int[] b = block;
        BitReader r = in;
        int dc = c.dcPredictor + r.receiveExtend(r.decode(c.dcTable));
        c.dcPredictor = dc;
        HuffmanTable ac = c.acTable;
        int[] shortCodes = ac.coefficientLookup();
        boolean flat = true;
        for (int k = 1; k < 64; ) {
            if (r.bits < HuffmanTable.FAST_BITS) {
                r.fill();
            }
            int whole = shortCodes[(int) (r.buf >>> (r.bits - HuffmanTable.FAST_BITS)) & HuffmanTable.FAST_MASK];
            if (whole != 0) {
                // A short code and its extra bits together: the common case.
                r.bits -= whole & 15;
                k += (whole >> 4) & 15;
                if (k > 63) {
                    throw origin.error("an AC coefficient run passes the end of the block near byte " + r.pos);
                }
                b[ZIGZAG[k]] = whole >> 8;
                flat = false;
                k++;
                continue;
            }
            int rs = r.decode(ac);
            int s = rs & 15;
            int run = rs >> 4;
            if (s == 0) {
                if (run != 15) {
                    break; // EOB
                }
                k += 16;   // ZRL
                continue;
            }
            k += run;
            if (k > 63) {
                throw origin.error("an AC coefficient run passes the end of the block near byte " + r.pos);
            }
            b[ZIGZAG[k]] = r.receiveExtend(s);
            flat = false;
            k++;
        }
        int at = c.offset + by * 8 * c.stride + bx * 8;
        if (flat) {
            short value = Idct.flat(dc * c.quant[0], frame.precision());
            short[] out = c.samples;
            for (int y = 0; y < 8; y++, at += c.stride) {
                Arrays.fill(out, at, at + 8, value);
            }
        } else {
            b[0] = dc;
            Idct.transform(b, c.quant, workspace, c.samples, at, c.stride, frame.precision());
            Arrays.fill(b, 0);
        }
    }

    /** The first scan of the DC coefficients: differences as in sequential coding, scaled by 2^Al (G.1.2.1). */
    private void dcFirst(Component c, int at) throws PixelDataException {
        int dc = c.dcPredictor + in.receiveExtend(in.decode(c.dcTable));
        c.dcPredictor = dc;
        c.coefficients[at] = (short) (dc << al);
    }

    /** The first scan of a band of AC coefficients, with end-of-band runs across blocks (G.1.2.2). */
    private void acFirst(Component c, int at) throws PixelDataException {
        if (eobRun > 0) {
            eobRun--;
            return;
        }
        short[] coef = c.coefficients;
        HuffmanTable ac = c.acTable;
        for (int k = ss; k <= se; k++) {
            int rs = in.decode(ac);
            int s = rs & 15;
            int run = rs >> 4;
            if (s == 0) {
                if (run < 15) {
                    eobRun = (1 << run) - 1 + in.bits(run);
                    return;
                }
                k += 15; // ZRL: 16 zeros, the loop adds the last
                continue;
            }
            k += run;
            if (k > 63) {
                throw origin.error("an AC coefficient run passes the end of the block near byte " + in.pos);
            }
            coef[at + ZIGZAG[k]] = (short) (in.receiveExtend(s) << al);
        }
    }

    /**
     * A refinement scan of a band of AC coefficients (G.1.2.3): one correction bit for every
     * coefficient already non-zero, and new coefficients of magnitude 1 placed after runs of
     * coefficients that are still zero.
     */
    private void acRefine(Component c, int at) throws PixelDataException {
        short[] coef = c.coefficients;
        HuffmanTable ac = c.acTable;
        int plus = 1 << al;
        int minus = -1 << al;
        int k = ss;
        if (eobRun == 0) {
            for (; k <= se; k++) {
                int rs = in.decode(ac);
                int s = rs & 15;
                int run = rs >> 4;
                int value = 0;
                if (s != 0) {
                    // s can only be 1 here; the sign bit follows the code.
                    value = in.bit() != 0 ? plus : minus;
                } else if (run != 15) {
                    eobRun = (1 << run) + in.bits(run);
                    break; // the rest of this block is refined as part of the run, below
                }
                // Skip `run` zero coefficients, correcting the non-zero ones passed on the way;
                // the new coefficient (if any) goes to the next zero one.
                for (; k <= se; k++) {
                    int z = at + ZIGZAG[k];
                    if (coef[z] != 0) {
                        refine(coef, z, plus, minus);
                    } else {
                        if (run == 0) {
                            if (value != 0) {
                                coef[z] = (short) value;
                            }
                            break;
                        }
                        run--;
                    }
                }
            }
        }
        if (eobRun > 0) {
            for (; k <= se; k++) {
                int z = at + ZIGZAG[k];
                if (coef[z] != 0) {
                    refine(coef, z, plus, minus);
                }
            }
            eobRun--;
        }
    }

    private void refine(short[] coef, int z, int plus, int minus) {
        if (in.bit() != 0 && (coef[z] & plus) == 0) {
            coef[z] += (short) (coef[z] >= 0 ? plus : minus);
        }
    }

    /** Inverse-transforms every block of a progressive component once all its scans are in. */
    static void transformAll(Component c, int precision) {
        int[] b = new int[64];
        int[] ws = new int[64];
        short[] coef = c.coefficients;
        // Only blocks holding real samples are output; the padding of the last MCUs is not.
        int wide = FrameHeader.ceilDiv(c.width, 8);
        int high = FrameHeader.ceilDiv(c.height, 8);
        for (int by = 0; by < high; by++) {
            for (int bx = 0; bx < wide; bx++) {
                int at = (by * c.unitsWide + bx) * 64;
                for (int i = 0; i < 64; i++) {
                    b[i] = coef[at + i];
                }
                Idct.transform(b, c.quant, ws, c.samples, c.offset + by * 8 * c.stride + bx * 8, c.stride, precision);
            }
        }
    }
}
