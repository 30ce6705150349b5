package dev.attest.dicom.codec.jpegls;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gradient quantisation of T.87 A.3.3 as a table: entry {@code d + MAXVAL} holds Q(d), −4..4,
 * for every difference d of two reconstructed samples. Tables are shared between decodes (they
 * are read-only), since building one for 16-bit data costs more than a small frame's decode.
 */
final class QuantizationTable {
    private static final int MAX_CACHED = 32;
    private static final Map<Key, byte[]> CACHE = new ConcurrentHashMap<>();

    private record Key(CodingParameters parameters, int near) {
    }

    private QuantizationTable() {
    }

    static byte[] of(CodingParameters p, int near) {
        Key key = new Key(p, near);
        byte[] table = CACHE.get(key);
        if (table == null) {
            table = build(p, near);
            if (CACHE.size() < MAX_CACHED) {
                CACHE.putIfAbsent(key, table);
            }
        }
        return table;
    }

    private static byte[] build(CodingParameters p, int near) {
        int maxVal = p.maxVal();
        byte[] table = new byte[2 * maxVal + 1];
        for (int d = -maxVal; d <= maxVal; d++) {
            table[d + maxVal] = (byte) quantize(d, p.t1(), p.t2(), p.t3(), near);
        }
        return table;
    }

    static int quantize(int d, int t1, int t2, int t3, int near) {
        if (d <= -t3) {
            return -4;
        }
        if (d <= -t2) {
            return -3;
        }
        if (d <= -t1) {
            return -2;
        }
        if (d < -near) {
            return -1;
        }
        if (d <= near) {
            return 0;
        }
        if (d < t1) {
            return 1;
        }
        if (d < t2) {
            return 2;
        }
        if (d < t3) {
            return 3;
        }
        return 4;
    }
}
