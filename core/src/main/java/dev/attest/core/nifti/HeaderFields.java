package dev.attest.core.nifti;

import dev.attest.core.geometry.Affine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Fixed-length, NUL-padded text fields of the NIfTI headers. */
final class HeaderFields {

    private HeaderFields() {
    }

    static String readText(ByteBuffer b, int offset, int length) {
        int end = 0;
        while (end < length && b.get(offset + end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end];
        b.get(offset, bytes);
        // The standard fixes no encoding; Latin-1 maps every byte to a character and never fails.
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Writes text as ASCII ('?' for anything else), cut so a terminating NUL always fits. */
    static void writeText(ByteBuffer b, int offset, int length, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        b.put(offset, bytes, 0, Math.min(bytes.length, length - 1));
    }

    /** Tells whether the bytes at offset are exactly expected. */
    static boolean bytesEqual(ByteBuffer b, int offset, byte[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (b.get(offset + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Shows raw bytes for an error message, escaping anything that is not printable ASCII. */
    static String printable(ByteBuffer b, int offset, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int c = b.get(offset + i) & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return sb.toString();
    }

    /**
     * Builds the affine of three srow rows; a row with NaN or infinity gives all zeros, which the
     * reader treats like any other unusable (singular) sform instead of failing on the header.
     */
    static Affine affineOrZero(double[][] rows3x4) {
        double[][] rows = new double[4][];
        for (int r = 0; r < 3; r++) {
            for (double v : rows3x4[r]) {
                if (!Double.isFinite(v)) {
                    return Affine.of(new double[][] {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 1}});
                }
            }
            rows[r] = rows3x4[r];
        }
        rows[3] = new double[] {0, 0, 0, 1};
        return Affine.of(rows);
    }
}
