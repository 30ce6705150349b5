package dev.attest.dicom.codec.jpeg;

import dev.attest.dicom.pixel.PixelDataException;

/**
 * One Huffman table of a DHT segment, ready for decoding: the canonical codes of T.81 Annex C.2,
 * a lookup of every {@value #FAST_BITS}-bit prefix that starts with a short code, and for longer
 * codes the largest code of each length, as in the decoding procedure of F.2.2.3.
 */
final class HuffmanTable {
    static final int FAST_BITS = 9;
    static final int FAST_MASK = (1 << FAST_BITS) - 1;

    /** For each prefix: (code length << 8) | value when a code of at most FAST_BITS bits starts it, else 0. */
    final int[] fast = new int[1 << FAST_BITS];
    /** Largest code of each length 1..16; -1 when no code has that length. */
    final int[] maxCode = new int[17];
    /** {@code values[valueOffset[len] + code]} is the value a code of length {@code len} stands for. */
    final int[] valueOffset = new int[17];
    final int[] values;
    /** The largest value the table holds, to check a scan's tables once instead of every symbol. */
    final int maxValue;
    /** Built on first use by a lossless scan: see {@link #differenceLookup()}. */
    private int[] differences;
    /** Built on first use by a DCT scan: see {@link #coefficientLookup()}. */
    private int[] coefficients;

    /**
     * @param counts the number of codes of each length, {@code counts[0]} for length 1 up to
     *               {@code counts[15]} for length 16 (the BITS list)
     * @param values the values in code order (HUFFVAL)
     * @throws PixelDataException when the counts do not match the values or more codes are
     *                            declared than the code lengths can hold
     */
    HuffmanTable(int[] counts, int[] values, FrameOrigin origin) throws PixelDataException {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        if (counts.length != 16 || total != values.length || total > 256) {
            throw origin.error("a Huffman table declares " + total + " codes for " + values.length + " values (at most 256)");
        }
        this.values = values.clone();
        int max = 0;
        for (int v : values) {
            max = Math.max(max, v);
        }
        this.maxValue = max;
        int code = 0;
        int index = 0;
        for (int len = 1; len <= 16; len++) {
            int n = counts[len - 1];
            maxCode[len] = -1;
            if (n > 0) {
                valueOffset[len] = index - code;
                for (int i = 0; i < n; i++, code++, index++) {
                    // Canonical codes of one length count up from the previous length's next
                    // code: they must still fit in len bits, or the table is over-subscribed.
                    if (code >= (1 << len)) {
                        throw origin.error("a Huffman table declares more codes of length " + len
                                + " or less than fit in " + len + " bits");
                    }
                    if (len <= FAST_BITS) {
                        int shift = FAST_BITS - len;
                        int entry = (len << 8) | values[index];
                        for (int p = code << shift, end = (code + 1) << shift; p < end; p++) {
                            fast[p] = entry;
                        }
                    }
                }
                maxCode[len] = code - 1;
            }
            code <<= 1;
        }
    }

    static final int DIFF_BITS = 12;
    static final int DIFF_MASK = (1 << DIFF_BITS) - 1;

    /**
     * For lossless coding, where a value is the category SSSS of a difference whose SSSS extra
     * bits follow the code (H.1.2.2): for each 12-bit prefix holding a whole code and its extra
     * bits, (difference << 8) | bits used; 0 where the prefix does not hold both.
     */
    int[] differenceLookup() {
        int[] d = differences;
        if (d != null) {
            return d;
        }
        d = new int[1 << DIFF_BITS];
        for (int prefix = 0; prefix < d.length; prefix++) {
            int e = fast[prefix >>> (DIFF_BITS - FAST_BITS)];
            if (e == 0) {
                continue;
            }
            int len = e >> 8;
            int s = e & 0xFF;
            int used = len + (s == 16 ? 0 : s);
            if (used > DIFF_BITS) {
                continue;
            }
            int diff;
            if (s == 0) {
                diff = 0;
            } else if (s == 16) {
                diff = 32768;
            } else {
                int v = (prefix >>> (DIFF_BITS - used)) & ((1 << s) - 1);
                diff = v < (1 << (s - 1)) ? v + (-1 << s) + 1 : v;
            }
            d[prefix] = (diff << 8) | used;
        }
        differences = d;
        return d;
    }

    /**
     * For AC coefficients, whose values are RRRRSSSS (a run of zeros and the category of the next
     * coefficient, F.1.2.2): for each {@value #FAST_BITS}-bit prefix holding a whole code with
     * SSSS &gt; 0 and its extra bits, (coefficient << 8) | (run << 4) | bits used; 0 otherwise
     * (end of block, zero runs, long codes), which the general path decodes.
     */
    int[] coefficientLookup() {
        int[] c = coefficients;
        if (c != null) {
            return c;
        }
        c = new int[1 << FAST_BITS];
        for (int prefix = 0; prefix < c.length; prefix++) {
            int e = fast[prefix];
            if (e == 0) {
                continue;
            }
            int len = e >> 8;
            int run = (e >> 4) & 15;
            int s = e & 15;
            int used = len + s;
            if (s == 0 || used > FAST_BITS) {
                continue;
            }
            int v = (prefix >>> (FAST_BITS - used)) & ((1 << s) - 1);
            int coefficient = v < (1 << (s - 1)) ? v + (-1 << s) + 1 : v;
            c[prefix] = (coefficient << 8) | (run << 4) | used;
        }
        coefficients = c;
        return c;
    }
}
