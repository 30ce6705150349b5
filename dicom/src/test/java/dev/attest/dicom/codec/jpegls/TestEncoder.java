package dev.attest.dicom.codec.jpegls;

import java.io.ByteArrayOutputStream;

/**
 * A plain JPEG-LS encoder written from T.87 (Annex A, B and C) for the tests, straightforward
 * rather than fast, sharing no coding logic with the decoder: it makes the streams DCMTK cannot
 * (restart markers, 2- to 5-bit samples, four components, any component order) and keeps the
 * image as the decoder must reconstruct it, which for near-lossless coding differs from the source.
 * For several components interleaved by sample, the run interruption pixel is coded component by
 * component as run interruption type 0, as CharLS does.
 */
final class TestEncoder {
    private static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
            4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15};

    private final int rows;
    private final int columns;
    private final int components;
    private final int precision;
    private int near;
    private int interleave;
    private int restartInterval;
    private PresetParameters preset;
    private boolean writePreset;

    private CodingParameters p;
    private int range;
    private int qbpp;
    private int limit;
    private final int[] a = new int[367];
    private final int[] b = new int[367];
    private final int[] c = new int[367];
    private final int[] n = new int[367];
    private final int[] nn = new int[2];
    private int runIndex;
    private Bits bits;
    private int[] reconstructed;

    TestEncoder(int rows, int columns, int components, int precision) {
        this.rows = rows;
        this.columns = columns;
        this.components = components;
        this.precision = precision;
        this.preset = PresetParameters.DEFAULTS;
    }

    TestEncoder near(int near) {
        this.near = near;
        return this;
    }

    /** 0: one scan per component, 1: by line, 2: by sample. */
    TestEncoder interleave(int mode) {
        this.interleave = mode;
        return this;
    }

    TestEncoder restartInterval(int lines) {
        this.restartInterval = lines;
        return this;
    }

    /** Codes with {@code preset} and writes it as an LSE segment of type 1. */
    TestEncoder preset(PresetParameters preset) {
        this.preset = preset;
        this.writePreset = true;
        return this;
    }

    /** The samples the decoder must produce, interleaved; available after {@link #encode}. */
    int[] reconstructed() {
        return reconstructed;
    }

    /** Encodes {@code image} (rows × columns × components, interleaved) into a complete codestream. */
    byte[] encode(int[] image) throws JpegLsException {
        p = CodingParameters.resolve(precision, near, preset, 0);
        range = (p.maxVal() + 2 * near) / (2 * near + 1) + 1;
        qbpp = 32 - Integer.numberOfLeadingZeros(range - 1);
        int bpp = Math.max(2, 32 - Integer.numberOfLeadingZeros(p.maxVal()));
        limit = 2 * (bpp + Math.max(8, bpp));
        reconstructed = new int[image.length];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        marker(out, 0xD8);
        marker(out, 0xF7);
        u16(out, 8 + 3 * components);
        out.write(precision);
        u16(out, rows);
        u16(out, columns);
        out.write(components);
        for (int i = 0; i < components; i++) {
            out.write(i + 1);
            out.write(0x11);
            out.write(0);
        }
        if (writePreset) {
            marker(out, 0xF8);
            u16(out, 13);
            out.write(1);
            u16(out, preset.maxVal());
            u16(out, preset.t1());
            u16(out, preset.t2());
            u16(out, preset.t3());
            u16(out, preset.reset());
        }
        if (restartInterval > 0) {
            marker(out, 0xDD);
            u16(out, 4);
            u16(out, restartInterval);
        }
        if (interleave == 0 || components == 1) {
            for (int comp = 0; comp < components; comp++) {
                scanHeader(out, new int[] {comp});
                scan(out, image, new int[] {comp});
            }
        } else {
            int[] all = new int[components];
            for (int i = 0; i < components; i++) {
                all[i] = i;
            }
            scanHeader(out, all);
            scan(out, image, all);
        }
        marker(out, 0xD9);
        return out.toByteArray();
    }

    private void scanHeader(ByteArrayOutputStream out, int[] comps) {
        marker(out, 0xDA);
        u16(out, 6 + 2 * comps.length);
        out.write(comps.length);
        for (int comp : comps) {
            out.write(comp + 1);
            out.write(0);
        }
        out.write(near);
        out.write(comps.length == 1 ? 0 : interleave);
        out.write(0);
    }

    private void scan(ByteArrayOutputStream out, int[] image, int[] comps) {
        int nc = comps.length;
        boolean bySample = nc > 1 && interleave == 2;
        int width = bySample ? (columns + 2) * nc : columns + 2;
        int lineCount = bySample ? 1 : nc;
        int[][] even = new int[lineCount][width];
        int[][] odd = new int[lineCount][width];
        int[] runIndices = new int[lineCount];
        reset();
        bits = new Bits(out);
        int restarts = 0;
        for (int row = 0; row < rows; row++) {
            if (restartInterval > 0 && row > 0 && row % restartInterval == 0) {
                bits.flush();
                marker(out, 0xD0 + (restarts++ & 7));
                bits = new Bits(out);
                reset();
                java.util.Arrays.fill(runIndices, 0);
                for (int i = 0; i < lineCount; i++) {
                    java.util.Arrays.fill(even[i], 0);
                    java.util.Arrays.fill(odd[i], 0);
                }
            }
            for (int i = 0; i < lineCount; i++) {
                int[] prev = (row & 1) == 0 ? odd[i] : even[i];
                int[] cur = (row & 1) == 0 ? even[i] : odd[i];
                int step = bySample ? nc : 1;
                for (int s = 0; s < step; s++) {
                    cur[s] = prev[step + s];
                    prev[(columns + 1) * step + s] = prev[columns * step + s];
                }
                runIndex = runIndices[i];
                if (bySample) {
                    encodeSampleLine(prev, cur, image, row, comps);
                } else {
                    encodeLine(prev, cur, image, row, comps[i]);
                }
                runIndices[i] = runIndex;
                for (int x = 0; x < columns; x++) {
                    for (int s = 0; s < step; s++) {
                        int comp = bySample ? comps[s] : comps[i];
                        reconstructed[(row * columns + x) * components + comp] = cur[(x + 1) * step + s];
                    }
                }
            }
        }
        bits.flush();
    }

    private void reset() {
        int initial = Math.max(2, (range + 32) / 64);
        for (int i = 0; i < 367; i++) {
            a[i] = initial;
            b[i] = 0;
            c[i] = 0;
            n[i] = 1;
        }
        nn[0] = 0;
        nn[1] = 0;
        runIndex = 0;
    }

    private int source(int[] image, int row, int x, int comp) {
        return image[(row * columns + x - 1) * components + comp];
    }

    private void encodeLine(int[] prev, int[] cur, int[] image, int row, int comp) {
        int x = 1;
        while (x <= columns) {
            int ra = cur[x - 1];
            int rb = prev[x];
            int rc = prev[x - 1];
            int rd = prev[x + 1];
            int q = context(rd - rb, rb - rc, rc - ra);
            if (q != 0) {
                cur[x] = regular(q, ra, rb, rc, source(image, row, x, comp));
                x++;
                continue;
            }
            int run = 0;
            while (x + run <= columns && Math.abs(source(image, row, x + run, comp) - ra) <= near) {
                cur[x + run] = ra;
                run++;
            }
            boolean endOfLine = x + run > columns;
            codeRunLength(run, endOfLine);
            if (endOfLine) {
                return;
            }
            int at = x + run;
            cur[at] = interruption(ra, prev[at], source(image, row, at, comp), false);
            if (runIndex > 0) {
                runIndex--;
            }
            x = at + 1;
        }
    }

    private void encodeSampleLine(int[] prev, int[] cur, int[] image, int row, int[] comps) {
        int nc = comps.length;
        int x = 1;
        int[] q = new int[nc];
        while (x <= columns) {
            boolean flat = true;
            for (int s = 0; s < nc; s++) {
                int i = x * nc + s;
                q[s] = context(prev[i + nc] - prev[i], prev[i] - prev[i - nc], prev[i - nc] - cur[i - nc]);
                flat &= q[s] == 0;
            }
            if (!flat) {
                for (int s = 0; s < nc; s++) {
                    int i = x * nc + s;
                    cur[i] = regular(q[s], cur[i - nc], prev[i], prev[i - nc], source(image, row, x, comps[s]));
                }
                x++;
                continue;
            }
            int run = 0;
            while (x + run <= columns && sameAsLeft(image, row, x + run, comps, cur, x)) {
                System.arraycopy(cur, (x - 1) * nc, cur, (x + run) * nc, nc);
                run++;
            }
            boolean endOfLine = x + run > columns;
            codeRunLength(run, endOfLine);
            if (endOfLine) {
                return;
            }
            int at = x + run;
            for (int s = 0; s < nc; s++) {
                cur[at * nc + s] = interruption(cur[(x - 1) * nc + s], prev[at * nc + s], source(image, row, at, comps[s]), true);
            }
            if (runIndex > 0) {
                runIndex--;
            }
            x = at + 1;
        }
    }

    private boolean sameAsLeft(int[] image, int row, int at, int[] comps, int[] cur, int runStart) {
        for (int s = 0; s < comps.length; s++) {
            if (Math.abs(source(image, row, at, comps[s]) - cur[(runStart - 1) * comps.length + s]) > near) {
                return false;
            }
        }
        return true;
    }

    /** T.87 A.7.1.2: full blocks as 1 bits, then either a 1 for a run cut by the line end or 0 and the remainder. */
    private void codeRunLength(int run, boolean endOfLine) {
        while (run >= (1 << J[runIndex])) {
            bits.put(1, 1);
            run -= 1 << J[runIndex];
            if (runIndex < 31) {
                runIndex++;
            }
        }
        if (endOfLine) {
            if (run > 0) {
                bits.put(1, 1);
            }
        } else {
            bits.put(0, 1);
            bits.put(run, J[runIndex]);
        }
    }

    private int context(int d1, int d2, int d3) {
        return 81 * quantize(d1) + 9 * quantize(d2) + quantize(d3);
    }

    private int quantize(int d) {
        if (d <= -p.t3()) {
            return -4;
        } else if (d <= -p.t2()) {
            return -3;
        } else if (d <= -p.t1()) {
            return -2;
        } else if (d < -near) {
            return -1;
        } else if (d <= near) {
            return 0;
        } else if (d < p.t1()) {
            return 1;
        } else if (d < p.t2()) {
            return 2;
        } else if (d < p.t3()) {
            return 3;
        }
        return 4;
    }

    private int regular(int q, int ra, int rb, int rc, int ix) {
        int sign = q < 0 ? -1 : 1;
        q = Math.abs(q);
        int px;
        if (rc >= Math.max(ra, rb)) {
            px = Math.min(ra, rb);
        } else if (rc <= Math.min(ra, rb)) {
            px = Math.max(ra, rb);
        } else {
            px = ra + rb - rc;
        }
        px = clamp(px + sign * c[q]);
        int errval = sign * (ix - px);
        errval = quantizeError(errval);
        int rx = clamp(px + sign * errval * (2 * near + 1));
        errval = reduce(errval);
        int k = 0;
        while ((n[q] << k) < a[q]) {
            k++;
        }
        int mapped;
        if (near == 0 && k == 0 && 2 * b[q] <= -n[q]) {
            mapped = errval >= 0 ? 2 * errval + 1 : -2 * (errval + 1);
        } else {
            mapped = errval >= 0 ? 2 * errval : -2 * errval - 1;
        }
        golomb(mapped, k, limit);
        b[q] += errval * (2 * near + 1);
        a[q] += Math.abs(errval);
        if (n[q] == p.reset()) {
            a[q] >>= 1;
            b[q] = b[q] >= 0 ? b[q] >> 1 : -((1 - b[q]) >> 1);
            n[q] >>= 1;
        }
        n[q]++;
        if (b[q] <= -n[q]) {
            b[q] += n[q];
            if (c[q] > -128) {
                c[q]--;
            }
            if (b[q] <= -n[q]) {
                b[q] = -n[q] + 1;
            }
        } else if (b[q] > 0) {
            b[q] -= n[q];
            if (c[q] < 127) {
                c[q]++;
            }
            if (b[q] > 0) {
                b[q] = 0;
            }
        }
        return rx;
    }

    /** T.87 A.7.2; {@code componentOfPixel}: one component of a sample-interleaved pixel, always type 0. */
    private int interruption(int ra, int rb, int ix, boolean componentOfPixel) {
        int riType = !componentOfPixel && Math.abs(ra - rb) <= near ? 1 : 0;
        int px = riType == 1 ? ra : rb;
        int sign = riType == 0 && ra > rb ? -1 : 1;
        int errval = quantizeError(sign * (ix - px));
        int rx = clamp(px + sign * errval * (2 * near + 1));
        errval = reduce(errval);
        int q = 365 + riType;
        int temp = riType == 1 ? a[q] + (n[q] >> 1) : a[q];
        int k = 0;
        while ((n[q] << k) < temp) {
            k++;
        }
        int map;
        if (k == 0 && errval > 0 && 2 * nn[riType] < n[q]) {
            map = 1;
        } else if (errval < 0 && 2 * nn[riType] >= n[q]) {
            map = 1;
        } else if (errval < 0 && k != 0) {
            map = 1;
        } else {
            map = 0;
        }
        int mapped = 2 * Math.abs(errval) - riType - map;
        golomb(mapped, k, limit - J[runIndex] - 1);
        if (errval < 0) {
            nn[riType]++;
        }
        a[q] += (mapped + 1 - riType) >> 1;
        if (n[q] == p.reset()) {
            a[q] >>= 1;
            n[q] >>= 1;
            nn[riType] >>= 1;
        }
        n[q]++;
        return rx;
    }

    private int quantizeError(int errval) {
        if (near == 0) {
            return errval;
        }
        return errval > 0 ? (errval + near) / (2 * near + 1) : -((near - errval) / (2 * near + 1));
    }

    private int reduce(int errval) {
        if (errval < 0) {
            errval += range;
        }
        if (errval >= (range + 1) / 2) {
            errval -= range;
        }
        return errval;
    }

    private int clamp(int v) {
        return Math.max(0, Math.min(p.maxVal(), v));
    }

    /** LG(k, glimit), T.87 A.5.3. */
    private void golomb(int value, int k, int glimit) {
        int high = value >> k;
        if (high < glimit - qbpp - 1) {
            bits.put(0, high);
            bits.put(1, 1);
            bits.put(value & ((1 << k) - 1), k);
        } else {
            bits.put(0, glimit - qbpp - 1);
            bits.put(1, 1);
            bits.put(value - 1, qbpp);
        }
    }

    private static void marker(ByteArrayOutputStream out, int code) {
        out.write(0xFF);
        out.write(code);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >> 8);
        out.write(v);
    }

    /** Bits, most significant first; after a 0xFF byte the next carries only 7 (T.87 A.1). */
    private static final class Bits {
        private final ByteArrayOutputStream out;
        private int current;
        private int filled;
        private boolean afterFF;

        Bits(ByteArrayOutputStream out) {
            this.out = out;
        }

        void put(int value, int count) {
            for (int i = count - 1; i >= 0; i--) {
                current = (current << 1) | ((value >>> i) & 1);
                filled++;
                if (filled == (afterFF ? 7 : 8)) {
                    emit();
                }
            }
        }

        private void emit() {
            out.write(current);
            afterFF = current == 0xFF;
            current = 0;
            filled = 0;
        }

        /** Pads the last byte with zeros; a final 0xFF is followed by a zero byte so no marker can follow it directly. */
        void flush() {
            if (filled > 0) {
                current <<= (afterFF ? 7 : 8) - filled;
                emit();
            }
            if (afterFF) {
                out.write(0);
                afterFF = false;
            }
        }
    }
}
