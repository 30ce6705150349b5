package dev.attest.dicom.codec.jpegls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small tools to take codestreams apart and put broken ones together in tests. */
final class Codestreams {
    private Codestreams() {
    }

    /** The entropy-coded data of each scan: from the end of its SOS segment to the marker that ends it (RSTm included). */
    static List<byte[]> scanData(byte[] stream) {
        List<byte[]> scans = new ArrayList<>();
        int p = 2;
        while (p + 4 <= stream.length) {
            int code = stream[p + 1] & 0xFF;
            if (code == 0xD9) {
                break;
            }
            int length = ((stream[p + 2] & 0xFF) << 8) | (stream[p + 3] & 0xFF);
            p += 2 + length;
            if (code == 0xDA) {
                int start = p;
                while (!(stream[p] == (byte) 0xFF && (stream[p + 1] & 0xFF) >= 0x80
                        && ((stream[p + 1] & 0xFF) < 0xD0 || (stream[p + 1] & 0xFF) > 0xD7))) {
                    p++;
                }
                scans.add(Arrays.copyOfRange(stream, start, p));
            }
        }
        return scans;
    }

    /** Offset of the first marker {@code FF code} at or after {@code from}, or -1. */
    static int find(byte[] stream, int code, int from) {
        for (int p = from; p + 1 < stream.length; p++) {
            if (stream[p] == (byte) 0xFF && (stream[p + 1] & 0xFF) == code) {
                return p;
            }
        }
        return -1;
    }

    /** {@code stream} with {@code insert} put in at {@code at}. */
    static byte[] insert(byte[] stream, int at, int... insert) {
        byte[] out = new byte[stream.length + insert.length];
        System.arraycopy(stream, 0, out, 0, at);
        for (int i = 0; i < insert.length; i++) {
            out[at + i] = (byte) insert[i];
        }
        System.arraycopy(stream, at, out, at + insert.length, stream.length - at);
        return out;
    }

    /** {@code stream} with {@code insert} put in at {@code at}. */
    static byte[] insert(byte[] stream, int at, byte[] insert) {
        byte[] out = new byte[stream.length + insert.length];
        System.arraycopy(stream, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(stream, at, out, at + insert.length, stream.length - at);
        return out;
    }

    /** {@code stream} without the {@code count} bytes from {@code at}. */
    static byte[] remove(byte[] stream, int at, int count) {
        byte[] out = new byte[stream.length - count];
        System.arraycopy(stream, 0, out, 0, at);
        System.arraycopy(stream, at + count, out, at, stream.length - at - count);
        return out;
    }

    /** Bytes given as ints, for hand-assembled streams. */
    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** A seeded image of smooth areas, edges, flat patches and noise, the kind that exercises every coding path. */
    static int[] image(int rows, int columns, int components, int precision, long seed) {
        java.util.Random random = new java.util.Random(seed);
        int max = (1 << precision) - 1;
        int[] image = new int[rows * columns * components];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                for (int c = 0; c < components; c++) {
                    int v;
                    if ((y / 4) % 3 == 1 && x > columns / 3) {
                        v = max / 3 + c; // flat: run mode
                    } else if ((x / 5 + y / 3) % 4 == 0) {
                        v = random.nextInt(max + 1); // noise: large errors, escape codes
                    } else {
                        v = (x * 7 + y * 5 + c * 31) * Math.max(1, max / 64) + random.nextInt(3); // gradients
                    }
                    image[(y * columns + x) * components + c] = Math.max(0, Math.min(max, v % (max + 1)));
                }
            }
        }
        return image;
    }
}
