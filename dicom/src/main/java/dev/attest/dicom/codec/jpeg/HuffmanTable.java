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
            // Canonical codes of one length count up from the previous length's next code: they
            // must still fit in len bits, or the table is over-subscribed.
            if (code > (1 << len)) {
                throw origin.error("a Huffman table declares more codes of length " + len + " or less than fit in " + len + " bits");
            }
            code <<= 1;
        }
    }
}
