package dev.attest.dicom.codec.jpegls;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Decodes the entropy-coded data of one JPEG-LS scan (T.87 Annex A, with Annex B for several
 * components): context modelling, regular and run mode, bias correction and limited-length
 * Golomb codes, read from the bit stream with the stuffed zero bit after every 0xFF byte.
 *
 * <p>Written for speed: the contexts are int arrays, the bit reader keeps a 64-bit buffer that it
 * refills eight bytes at a time when they hold no 0xFF, and nothing is allocated per sample.
 * It is also written for hostile input: every sample consumes at least one bit or fills a run,
 * reads past the data return zero bits that are counted and reported as truncation at the end of
 * the line, and every length decoded from the stream is checked before it is used. One instance
 * decodes one scan and is then dropped.
 */
final class ScanDecoder {
    /** T.87 A.7.1.1: the order of the run length codes for each RUNindex. */
    private static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
            4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** Contexts 0..364 are the regular ones (Q after sign folding); 365 and 366 the run interruption ones. */
    private static final int REGULAR_CONTEXTS = 365;
    private static final int MIN_C = -128;
    private static final int MAX_C = 127;
    /** Valid streams need k of at most 16; the cap keeps shifts in range on corrupt ones. */
    private static final int MAX_K = 24;

    // ---- the bit stream ----------------------------------------------------------------------
    private final byte[] data;
    /** Where the codestream starts in {@code data}, for offsets in messages. */
    private final int origin;
    private final int end;
    /** Next byte to load. */
    private int pos;
    /** Unconsumed bits, most significant first; bits below {@code avail} are zero or bits of data[pos]. */
    private long bits;
    private int avail;
    /** Zero bits appended after the data ran out; reading any of them means the scan is truncated. */
    private int virtualBits;
    /** The last byte loaded was 0xFF, so the next one carries only 7 bits (T.87 A.1). */
    private boolean afterFF;
    /** The reader stands at a marker (or the end of the data): it loads nothing more. */
    private boolean atMarker;

    // ---- coding parameters -------------------------------------------------------------------
    private final int width;
    private final int maxVal;
    private final int near;
    private final int step;
    private final int range;
    private final int rangeStep;
    private final int qbpp;
    private final int limit;
    private final int reset;
    private final int maxMapped;
    private final byte[] quant;
    private final int quantOffset;

    // ---- context state (T.87 A.2) ------------------------------------------------------------
    /** A, B, C and N of context i at 4i .. 4i + 3: one array keeps a context in one cache line and one register. */
    private final int[] ctx = new int[4 * (REGULAR_CONTEXTS + 2)];
    private final int[] ctxNn = new int[2];
    private int runIndex;
    private long unreadBits;
    /** The line being decoded, for messages. */
    private int row;

    ScanDecoder(byte[] data, int origin, int start, int end, int width, int near, CodingParameters p) {
        this.data = data;
        this.origin = origin;
        this.end = end;
        this.pos = start;
        this.width = width;
        this.maxVal = p.maxVal();
        this.near = near;
        this.step = 2 * near + 1;
        this.range = (maxVal + 2 * near) / step + 1;
        this.rangeStep = range * step;
        this.qbpp = 32 - Integer.numberOfLeadingZeros(range - 1);
        int bpp = Math.max(2, 32 - Integer.numberOfLeadingZeros(maxVal));
        this.limit = 2 * (bpp + Math.max(8, bpp));
        this.reset = p.reset();
        this.maxMapped = 2 * range;
        this.quant = QuantizationTable.of(p, near);
        this.quantOffset = maxVal;
        initContexts();
    }

    private void initContexts() {
        int a = Math.max(2, (range + 32) >> 6);
        for (int i = 0; i < ctx.length; i += 4) {
            ctx[i] = a;
            ctx[i + 1] = 0;
            ctx[i + 2] = 0;
            ctx[i + 3] = 1;
        }
        ctxNn[0] = 0;
        ctxNn[1] = 0;
        runIndex = 0;
    }

    /**
     * Decodes {@code rows} lines of the scan's components ({@code components}: their frame
     * indices, in scan order) and hands each to {@code sink}.
     *
     * @param interleave      0 (one component), 1 (line) or 2 (sample)
     * @param restartInterval lines (MCUs) between restart markers, 0 for none
     * @return the offset in {@code data} of the marker that follows the scan, or the end of the data
     */
    int decode(int rows, int[] components, int interleave, int restartInterval, LineSink sink) throws JpegLsException {
        int nc = components.length;
        if (interleave == 2 && nc > 1) {
            decodeSampleInterleaved(rows, components, restartInterval, sink);
        } else {
            decodeLineInterleaved(rows, components, restartInterval, sink);
        }
        if (virtualBits > avail) {
            throw truncated(rows - 1);
        }
        int marker = nextMarker(pos);
        unreadBits = avail - virtualBits + 8L * (marker - pos);
        return marker;
    }

    /**
     * Coded bits left between the last sample and the marker that ends the scan, after
     * {@link #decode}: an encoder leaves at most 7 bits of padding, and 7 more after a final
     * 0xFF, so many more mean the stream was not decoded as it was encoded.
     */
    long unreadBits() {
        return unreadBits;
    }

    private void decodeLineInterleaved(int rows, int[] components, int restartInterval, LineSink sink) throws JpegLsException {
        int nc = components.length;
        int stride = width + 2;
        // Per component two lines with one extra sample at each end (T.87 A.2.1 edge rules).
        int[][] even = new int[nc][stride];
        int[][] odd = new int[nc][stride];
        int[] runIndices = new int[nc];
        int interval = restartInterval == 0 ? Integer.MAX_VALUE : restartInterval;
        int restarts = 0;
        for (int row = 0, inInterval = 0; row < rows; row++, inInterval++) {
            this.row = row;
            if (inInterval == interval) {
                restart(restarts++, row);
                inInterval = 0;
                Arrays.fill(runIndices, 0);
                for (int c = 0; c < nc; c++) {
                    Arrays.fill(even[c], 0);
                    Arrays.fill(odd[c], 0);
                }
            }
            for (int c = 0; c < nc; c++) {
                int[] prev = (row & 1) == 0 ? odd[c] : even[c];
                int[] cur = (row & 1) == 0 ? even[c] : odd[c];
                cur[0] = prev[1];
                prev[width + 1] = prev[width];
                runIndex = runIndices[c];
                decodeLine(prev, cur);
                runIndices[c] = runIndex;
                sink.line(row, components[c], cur, 1, 1);
            }
            if (virtualBits > avail) {
                throw truncated(row);
            }
        }
    }

    private void decodeSampleInterleaved(int rows, int[] components, int restartInterval, LineSink sink) throws JpegLsException {
        int nc = components.length;
        int stride = (width + 2) * nc;
        int[] even = new int[stride];
        int[] odd = new int[stride];
        int interval = restartInterval == 0 ? Integer.MAX_VALUE : restartInterval;
        int restarts = 0;
        for (int row = 0, inInterval = 0; row < rows; row++, inInterval++) {
            this.row = row;
            if (inInterval == interval) {
                restart(restarts++, row);
                inInterval = 0;
                Arrays.fill(even, 0);
                Arrays.fill(odd, 0);
            }
            int[] prev = (row & 1) == 0 ? odd : even;
            int[] cur = (row & 1) == 0 ? even : odd;
            for (int c = 0; c < nc; c++) {
                cur[c] = prev[nc + c];
                prev[(width + 1) * nc + c] = prev[width * nc + c];
            }
            decodeSampleLine(prev, cur, nc);
            for (int c = 0; c < nc; c++) {
                sink.line(row, components[c], cur, nc + c, nc);
            }
            if (virtualBits > avail) {
                throw truncated(row);
            }
        }
    }

    // ---- one line of one component -----------------------------------------------------------

    /**
     * Decodes samples 1..width of {@code cur}; index 0 holds Ra of the first sample, prev[0] its Rc.
     * This is the hot loop: regular mode and the Golomb fast path are written out here, with the
     * bit buffer and the parameters in locals, because the JIT will not inline them as methods,
     * and the data-dependent branches of T.87's pseudo-code are replaced by min/max and masks.
     */
    private void decodeLine(int[] prev, int[] cur) throws JpegLsException {
        final byte[] q = quant;
        final int qo = quantOffset;
        final int w = width;
        final int[] ctx = this.ctx;
        final int maxVal = this.maxVal;
        final int near = this.near;
        final int step = this.step;
        final int rangeStep = this.rangeStep;
        final int reset = this.reset;
        final int prefixLimit = limit - qbpp - 1;
        final int maxMapped = this.maxMapped;
        final int lossless = near == 0 ? -1 : 0;
        long bits = this.bits;
        int avail = this.avail;
        int x = 1;
        int ra = cur[0];
        int rb = prev[0];
        int rd = prev[1];
        while (x <= w) {
            int rc = rb;
            rb = rd;
            rd = prev[x + 1];
            int context = 81 * q[qo + rd - rb] + 9 * q[qo + rb - rc] + q[qo + rc - ra];
            if (context == 0) {
                this.bits = bits;
                this.avail = avail;
                x = decodeRun(prev, cur, x);
                bits = this.bits;
                avail = this.avail;
                if (x > w) {
                    break;
                }
                ra = cur[x - 1];
                rb = prev[x - 1];
                rd = prev[x];
                continue;
            }
            // Regular mode, T.87 A.4 to A.6.
            int sign = context >> 31;
            int at = ((context ^ sign) - sign) << 2;
            // MED (T.87 A.4.1) is the median of Ra, Rb and Ra + Rb - Rc: min/max, no branches.
            int px = Math.max(Math.min(ra, rb), Math.min(Math.max(ra, rb), ra + rb - rc));
            int c = ctx[at + 2];
            px += (c ^ sign) - sign;
            px = Math.max(0, Math.min(px, maxVal));
            int a = ctx[at];
            int n = ctx[at + 3];
            int b = ctx[at + 1];
            int k = golombK(a, n);
            if (avail < 32) {
                this.bits = bits;
                this.avail = avail;
                fill();
                bits = this.bits;
                avail = this.avail;
            }
            int zeros = Long.numberOfLeadingZeros(bits);
            int used = zeros + 1 + k;
            int m;
            if (zeros < prefixLimit && used <= avail) {
                m = (zeros << k) | (int) ((bits << (zeros + 1)) >>> 1 >>> (63 - k));
                bits <<= used;
                avail -= used;
            } else {
                this.bits = bits;
                this.avail = avail;
                m = readGolombSlowly(k, prefixLimit);
                bits = this.bits;
                avail = this.avail;
            }
            if (m > maxMapped) {
                this.bits = bits;
                this.avail = avail;
                throw malformed("a Golomb code decodes to " + m + ", more than any error in a range of " + range);
            }
            // The inverted mapping of T.87 A.5.2 (k = 0, NEAR = 0, 2B <= -N) as a mask, not a branch.
            int e = (m >>> 1) ^ -(m & 1) ^ ((k - 1) >> 31 & (2 * b + n - 1) >> 31 & lossless);
            b += e * step;
            a += Math.abs(e);
            if (n == reset) {
                a >>= 1;
                b >>= 1;
                n >>= 1;
            }
            n++;
            // Bias correction (T.87 A.6.2) without branches: low is -1 when B <= -N, high when B > 0.
            int low = (b + n - 1) >> 31;
            int high = -b >> 31;
            b = Math.min(0, Math.max(1 - n, b + (n & low) - (n & high)));
            c = Math.max(MIN_C, Math.min(MAX_C, c + low - high));
            ctx[at] = a;
            ctx[at + 1] = b;
            ctx[at + 2] = c;
            ctx[at + 3] = n;
            int rx = px + ((e ^ sign) - sign) * step;
            if (rx < -near) {
                rx += rangeStep;
            } else if (rx > maxVal + near) {
                rx -= rangeStep;
            }
            ra = rx < 0 ? 0 : Math.min(rx, maxVal);
            cur[x++] = ra;
        }
        this.bits = bits;
        this.avail = avail;
    }

    /**
     * Regular mode (T.87 A.4–A.6) for one sample whose signed context number is {@code context},
     * written as T.87 states it; used for samples interleaved by sample. {@link #decodeLine} does
     * the same steps without branches, and the DCMTK streams decoded through both keep the two in
     * agreement.
     */
    private int decodeRegular(int context, int ra, int rb, int rc) throws JpegLsException {
        int sign = context >> 31;
        int at = ((context ^ sign) - sign) << 2;
        int mx = Math.max(ra, rb);
        int mn = Math.min(ra, rb);
        int px = rc >= mx ? mn : rc <= mn ? mx : ra + rb - rc;
        int c = ctx[at + 2];
        px += (c ^ sign) - sign;
        if (px < 0) {
            px = 0;
        } else if (px > maxVal) {
            px = maxVal;
        }
        int a = ctx[at];
        int n = ctx[at + 3];
        int b = ctx[at + 1];
        int k = golombK(a, n);
        int m = readGolomb(k, limit - qbpp - 1);
        int e = (m >>> 1) ^ -(m & 1);
        if (k == 0 && near == 0 && 2 * b <= -n) {
            e = ~e; // the inverted mapping of T.87 A.5.2 for contexts biased towards negative errors
        }
        b += e * step;
        a += Math.abs(e);
        if (n == reset) {
            a >>= 1;
            b >>= 1;
            n >>= 1;
        }
        n++;
        if (b <= -n) {
            b += n;
            if (c > MIN_C) {
                c--;
            }
            if (b <= -n) {
                b = 1 - n;
            }
        } else if (b > 0) {
            b -= n;
            if (c < MAX_C) {
                c++;
            }
            if (b > 0) {
                b = 0;
            }
        }
        ctx[at] = a;
        ctx[at + 1] = b;
        ctx[at + 2] = c;
        ctx[at + 3] = n;
        return reconstruct(px, (e ^ sign) - sign);
    }

    /** Rx = Px + Errval·(2·NEAR+1), brought back into range modulo RANGE and clamped (T.87 A.4.4). */
    private int reconstruct(int px, int e) {
        int rx = px + e * step;
        if (rx < -near) {
            rx += rangeStep;
        } else if (rx > maxVal + near) {
            rx -= rangeStep;
        }
        return rx < 0 ? 0 : Math.min(rx, maxVal);
    }

    /**
     * Run mode (T.87 A.7) from sample {@code x}: the run of Ra values, then the sample that ends
     * it unless the line ends first. Returns the next sample to decode.
     */
    private int decodeRun(int[] prev, int[] cur, int x) throws JpegLsException {
        int ra = cur[x - 1];
        int count = runLength(width - x + 1);
        if (count < 0) {
            Arrays.fill(cur, x, width + 1, ra);
            return width + 1;
        }
        Arrays.fill(cur, x, x + count, ra);
        int at = x + count;
        cur[at] = decodeInterruption(ra, prev[at]);
        if (runIndex > 0) {
            runIndex--;
        }
        return at + 1;
    }

    /**
     * Reads a run of at most {@code left} samples: the number of samples before the run
     * interruption sample, or -1 when the run reaches the end of the line.
     */
    private int runLength(int left) throws JpegLsException {
        int count = 0;
        while (readBit() != 0) {
            int length = 1 << J[runIndex];
            if (length > left - count) {
                return -1; // a run that ends the line ends early (T.87 A.7.1.2) and leaves RUNindex as it is
            }
            count += length;
            if (runIndex < 31) {
                runIndex++;
            }
            if (count == left) {
                return -1;
            }
        }
        int j = J[runIndex];
        if (j > 0) {
            count += readBits(j);
        }
        if (count >= left) {
            if (count > left) {
                throw malformed("a run of " + count + " samples passes the end of the line, which has " + left + " left");
            }
            return -1; // a remainder that reaches the end of the line exactly: accepted as CharLS does
        }
        return count;
    }

    /** The run interruption sample of one component (T.87 A.7.2). */
    private int decodeInterruption(int ra, int rb) throws JpegLsException {
        if (Math.abs(ra - rb) <= near) {
            return reconstruct(ra, readInterruptionError(1));
        }
        int e = readInterruptionError(0);
        return reconstruct(rb, ra > rb ? -e : e);
    }

    /** Errval of a run interruption sample of type {@code riType} (0: Ra ≠ Rb, 1: Ra = Rb), with its context update. */
    private int readInterruptionError(int riType) throws JpegLsException {
        int at = (REGULAR_CONTEXTS + riType) << 2;
        int a = ctx[at];
        int n = ctx[at + 3];
        int nn = ctxNn[riType];
        int k = golombK(riType == 0 ? a : a + (n >> 1), n);
        int m = readGolomb(k, limit - J[runIndex] - 1 - qbpp - 1);
        int t = m + riType;
        int map = t & 1;
        int magnitude = (t + map) >> 1;
        boolean inverted = k == 0 && 2 * nn < n;
        int e = (map != 0) != inverted ? -magnitude : magnitude;
        if (e < 0) {
            nn++;
        }
        a += (m + 1 - riType) >> 1;
        if (n == reset) {
            a >>= 1;
            n >>= 1;
            nn >>= 1;
        }
        ctx[at] = a;
        ctx[at + 3] = n + 1;
        ctxNn[riType] = nn;
        return e;
    }

    // ---- one line of several components interleaved by sample (T.87 B.3) ---------------------

    private void decodeSampleLine(int[] prev, int[] cur, int nc) throws JpegLsException {
        final byte[] q = quant;
        final int qo = quantOffset;
        final int w = width;
        int x = 1;
        int c0 = 0;
        int c1 = 0;
        int c2 = 0;
        int c3 = 0;
        while (x <= w) {
            int at = x * nc;
            boolean run = true;
            for (int c = 0; c < nc; c++) {
                int i = at + c;
                int ra = cur[i - nc];
                int rb = prev[i];
                int rc = prev[i - nc];
                int rd = prev[i + nc];
                int context = 81 * q[qo + rd - rb] + 9 * q[qo + rb - rc] + q[qo + rc - ra];
                run &= context == 0;
                switch (c) {
                    case 0 -> c0 = context;
                    case 1 -> c1 = context;
                    case 2 -> c2 = context;
                    default -> c3 = context;
                }
            }
            if (run) {
                x = decodeSampleRun(prev, cur, x, nc);
                continue;
            }
            for (int c = 0; c < nc; c++) {
                int i = at + c;
                int context = switch (c) {
                    case 0 -> c0;
                    case 1 -> c1;
                    case 2 -> c2;
                    default -> c3;
                };
                int ra = cur[i - nc];
                int rb = prev[i];
                int rc = prev[i - nc];
                // A flat component next to a busy one is coded in regular mode with context 0 (T.87 B.3).
                cur[i] = decodeRegular(context, ra, rb, rc);
            }
            x++;
        }
    }

    /** Run mode over whole pixels; the interruption pixel codes each component as type 0 (as CharLS does). */
    private int decodeSampleRun(int[] prev, int[] cur, int x, int nc) throws JpegLsException {
        int count = runLength(width - x + 1);
        int last = count < 0 ? width : x + count - 1;
        for (int p = x; p <= last; p++) {
            System.arraycopy(cur, (x - 1) * nc, cur, p * nc, nc);
        }
        if (count < 0) {
            return width + 1;
        }
        int at = (x + count) * nc;
        for (int c = 0; c < nc; c++) {
            int ra = cur[(x - 1) * nc + c];
            int rb = prev[at + c];
            int e = readInterruptionError(0);
            cur[at + c] = reconstruct(rb, ra > rb ? -e : e);
        }
        if (runIndex > 0) {
            runIndex--;
        }
        return x + count + 1;
    }

    // ---- Golomb codes ------------------------------------------------------------------------

    /** The Golomb parameter: the least k with N·2^k ≥ A (T.87 A.5.1), without a loop. */
    private static int golombK(int a, int n) {
        int k = Math.max(0, Integer.numberOfLeadingZeros(n) - Integer.numberOfLeadingZeros(a));
        k += ((n << k) - a) >>> 31;
        return Math.min(k, MAX_K);
    }

    /**
     * A mapped error value coded with the limited-length Golomb code LG(k, glimit) (T.87 A.5.3),
     * where {@code prefixLimit} = glimit − qbpp − 1 is the unary length that announces an escape.
     */
    private int readGolomb(int k, int prefixLimit) throws JpegLsException {
        if (avail < 32) {
            fill();
        }
        int zeros = Long.numberOfLeadingZeros(bits);
        int used = zeros + 1 + k;
        if (zeros < prefixLimit && used <= avail) {
            int value = (zeros << k) | (int) ((bits << (zeros + 1)) >>> 1 >>> (63 - k));
            bits <<= used;
            avail -= used;
            if (value > maxMapped) {
                throw malformed("a Golomb code decodes to " + value + ", more than any error in a range of " + range);
            }
            return value;
        }
        return readGolombSlowly(k, prefixLimit);
    }

    private int readGolombSlowly(int k, int prefixLimit) throws JpegLsException {
        int zeros = 0;
        while (true) {
            if (avail < 32) {
                fill();
            }
            int z = Long.numberOfLeadingZeros(bits);
            if (z < avail) {
                zeros += z;
                bits <<= z + 1;
                avail -= z + 1;
                break;
            }
            zeros += avail;
            bits <<= avail;
            avail = 0;
            if (zeros > prefixLimit) {
                break;
            }
        }
        if (zeros > prefixLimit) {
            throw malformed("a Golomb code has a unary prefix longer than the " + prefixLimit + " bits LIMIT allows");
        }
        int value = zeros == prefixLimit ? readBits(qbpp) + 1 : k == 0 ? zeros : (zeros << k) | readBits(k);
        if (value > maxMapped) {
            throw malformed("a Golomb code decodes to " + value + ", more than any error in a range of " + range);
        }
        return value;
    }

    // ---- bits --------------------------------------------------------------------------------

    private int readBit() {
        if (avail == 0) {
            fill();
        }
        int bit = (int) (bits >>> 63);
        bits <<= 1;
        avail--;
        return bit;
    }

    /** {@code n} bits, 1 ≤ n ≤ 31. */
    private int readBits(int n) {
        if (avail < n) {
            fill();
        }
        int value = (int) (bits >>> (64 - n));
        bits <<= n;
        avail -= n;
        return value;
    }

    /** Tops the buffer up to at least 56 bits; past the data it appends zeros and counts them. */
    private void fill() {
        if (!afterFF && !atMarker && pos + 8 <= end) {
            long word = (long) BIG_ENDIAN_LONG.get(data, pos);
            if ((~word - LOW_BITS & word & HIGH_BITS) == 0) { // no 0xFF byte among the eight
                bits |= word >>> avail;
                int n = (63 - avail) >>> 3;
                pos += n;
                avail += n << 3;
                return;
            }
        }
        fillSlowly();
    }

    private void fillSlowly() {
        while (avail < 56) {
            if (atMarker || pos >= end) {
                atMarker = true;
                avail += 8;
                virtualBits += 8;
                continue;
            }
            int b = data[pos] & 0xFF;
            if (afterFF) {
                // Checked below to be under 0x80 when the 0xFF was read: its top bit is the stuffed 0.
                bits |= (long) b << (57 - avail);
                avail += 7;
                afterFF = false;
            } else if (b == 0xFF) {
                if (pos + 1 < end && (data[pos + 1] & 0xFF) >= 0x80) {
                    atMarker = true; // 0xFF followed by a byte with its top bit set is a marker: the scan data ends
                    continue;
                }
                bits |= 0xFFL << (56 - avail);
                avail += 8;
                afterFF = true;
            } else {
                bits |= (long) b << (56 - avail);
                avail += 8;
            }
            pos++;
        }
    }

    // ---- markers inside and after the scan ---------------------------------------------------

    /** The offset of the next marker (0xFF then a byte ≥ 0x80) at or after {@code from}, or the end of the data. */
    private int nextMarker(int from) {
        for (int p = from; p + 1 < end; p++) {
            if (data[p] == (byte) 0xFF && (data[p + 1] & 0xFF) >= 0x80) {
                return p;
            }
        }
        return end;
    }

    /**
     * At the end of restart interval {@code number}: the RSTm marker (m = number mod 8) must
     * follow the padding, and decoding starts afresh after it, as at the start of the scan: the
     * contexts and RUNindex initialised (T.87 A.2.1) and the line above taken as zeros.
     */
    private void restart(int number, int row) throws JpegLsException {
        if (virtualBits > avail) {
            throw truncated(row - 1);
        }
        int at = nextMarker(pos);
        int p = at;
        while (p < end && data[p] == (byte) 0xFF) {
            p++;
        }
        int expected = 0xD0 + (number & 7);
        if (p >= end) {
            throw new JpegLsException(JpegLsException.Kind.TRUNCATED, at - origin,
                    "the codestream ends where restart marker RST" + (number & 7) + " should precede line " + row);
        }
        int code = data[p] & 0xFF;
        if (code != expected) {
            throw malformedAt(at, String.format("expected restart marker FF%02X before line %d, found FF%02X", expected, row, code));
        }
        pos = p + 1;
        bits = 0;
        avail = 0;
        virtualBits = 0;
        afterFF = false;
        atMarker = false;
        initContexts();
    }

    private JpegLsException truncated(int row) {
        return new JpegLsException(JpegLsException.Kind.TRUNCATED, end - origin,
                "the scan data ends before line " + (row + 1) + " is complete");
    }

    /**
     * A code that cannot be right; but past the end of the data, where zero bits are read, it is
     * the truncation that broke it, and that is what is reported.
     */
    private JpegLsException malformed(String what) {
        if (virtualBits > avail) {
            return truncated(row);
        }
        return malformedAt(Math.min(pos, end), what);
    }

    private JpegLsException malformedAt(int at, String what) {
        return new JpegLsException(JpegLsException.Kind.MALFORMED, at - origin, what);
    }
}
