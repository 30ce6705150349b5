package dev.attest.dicom.codec.jpeg;

import dev.attest.dicom.pixel.PixelDataException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads the bits of an entropy-coded segment (T.81 F.2.2.5): most significant bit first, with
 * stuffed zero bytes after 0xFF removed, through a 64-bit buffer. At a marker or the end of the
 * data the buffer is filled with zero bits, as decoders do, but they are counted: a scan that
 * consumes any of them was cut short, which {@link #overrun()} reports.
 */
final class BitReader {
    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final byte[] data;
    private final int end;
    private final FrameOrigin origin;
    /** The next byte to load. */
    int pos;
    /** The low {@link #bits} bits are unread, the next one at bit {@code bits - 1}. */
    long buf;
    int bits;
    /** Zero bits appended after the segment ended; those still in the buffer are its lowest. */
    private long padBits;
    private boolean ended;

    BitReader(byte[] data, int start, int end, FrameOrigin origin) {
        this.data = data;
        this.pos = start;
        this.end = end;
        this.origin = origin;
    }

    /** Loads bytes until at least 56 bits are buffered. */
    void fill() {
        int room = (63 - bits) >> 3;
        if (room > 0 && !ended && pos + 8 <= end) {
            // Most of the time the next 8 bytes hold no 0xFF (so no stuffing and no marker):
            // take as many whole bytes as fit at once.
            long w = (long) BIG_ENDIAN_LONG.get(data, pos);
            long inverted = ~w;
            if (((inverted - ONES) & ~inverted & HIGH_BITS) == 0) {
                int n = room << 3;
                buf = (buf << n) | (w >>> (64 - n));
                bits += n;
                pos += room;
                return;
            }
        }
        while (bits <= 55) {
            if (!ended) {
                if (pos < end) {
                    int b = data[pos] & 0xFF;
                    if (b != 0xFF) {
                        pos++;
                        buf = (buf << 8) | b;
                        bits += 8;
                        continue;
                    }
                    if (pos + 1 < end && data[pos + 1] == 0) {
                        pos += 2;
                        buf = (buf << 8) | 0xFF;
                        bits += 8;
                        continue;
                    }
                }
                // A marker, fill bytes before one, or the end of the data: the segment is over.
                ended = true;
            }
            buf <<= 8;
            bits += 8;
            padBits += 8;
        }
    }

    /** Whether bits from past the end of the segment have been consumed: the data was cut short. */
    boolean overrun() {
        return padBits > bits;
    }

    /** Decodes one Huffman-coded value. */
    int decode(HuffmanTable t) throws PixelDataException {
        if (bits < 16) {
            fill();
        }
        int e = t.fast[(int) (buf >>> (bits - HuffmanTable.FAST_BITS)) & HuffmanTable.FAST_MASK];
        if (e != 0) {
            bits -= e >> 8;
            return e & 0xFF;
        }
        return decodeLong(t);
    }

    /** The codes longer than the lookup covers, found by their length (F.2.2.3). */
    int decodeLong(HuffmanTable t) throws PixelDataException {
        int code16 = (int) (buf >>> (bits - 16)) & 0xFFFF;
        for (int len = HuffmanTable.FAST_BITS + 1; len <= 16; len++) {
            int code = code16 >>> (16 - len);
            if (code <= t.maxCode[len]) {
                bits -= len;
                return t.values[t.valueOffset[len] + code];
            }
        }
        throw origin.error("invalid Huffman code " + Integer.toBinaryString(code16 | 0x10000).substring(1)
                + " near byte " + pos);
    }

    /** The next {@code n} bits (0 to 16) as an unsigned number. */
    int bits(int n) {
        if (bits < n) {
            fill();
        }
        bits -= n;
        return (int) (buf >>> bits) & ((1 << n) - 1);
    }

    int bit() {
        if (bits < 1) {
            fill();
        }
        bits--;
        return (int) (buf >>> bits) & 1;
    }

    /** The next {@code s} bits as a signed magnitude of category {@code s} (F.2.2.1 EXTEND); 0 for s = 0. */
    int receiveExtend(int s) {
        if (s == 0) {
            return 0;
        }
        int v = bits(s);
        return v < (1 << (s - 1)) ? v + (-1 << s) + 1 : v;
    }

    /**
     * Ends the entropy-coded segment: drops what is left in the buffer and skips to the next
     * marker, returning its offset (or the end of the data).
     */
    int skipToMarker() {
        buf = 0;
        bits = 0;
        padBits = 0;
        ended = false;
        while (pos + 1 < end) {
            if ((data[pos] & 0xFF) == 0xFF) {
                int m = data[pos + 1] & 0xFF;
                if (m != 0 && m != 0xFF) {
                    return pos;
                }
                pos += m == 0 ? 2 : 1;
            } else {
                pos++;
            }
        }
        pos = end;
        return pos;
    }

    /**
     * Consumes the restart marker RSTn, n = {@code expected} mod 8, that must end a restart
     * interval (F.2.2.5); the decoder then starts afresh on byte boundary.
     */
    void restart(int expected) throws PixelDataException {
        if (overrun()) {
            throw origin.error("the entropy-coded data of restart interval " + expected + " ends early (truncated or corrupt)");
        }
        int at = skipToMarker();
        int want = 0xD0 + (expected & 7);
        if (at + 1 >= end) {
            throw origin.error("expected restart marker RST" + (expected & 7) + " but the data ends");
        }
        int m = data[at + 1] & 0xFF;
        if (m != want) {
            throw origin.error("expected restart marker RST" + (expected & 7) + " at byte " + at + " but found "
                    + JpegMarkers.name(m));
        }
        pos = at + 2;
    }
}
