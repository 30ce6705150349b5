package dev.attest.core.nifti;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Byte-level editing of real NIfTI files, for building damaged or byte-swapped variants in tests. */
final class HeaderBytes {

    /**
     * NIfTI-1 numeric fields as {offset, width, count}: every multi-byte field a byte swap must turn
     * around (text fields and single bytes stay as they are).
     */
    static final int[][] NIFTI_1_FIELDS = {
        {0, 4, 1}, {32, 4, 1}, {36, 2, 1}, {40, 2, 8}, {56, 4, 3}, {68, 2, 4}, {76, 4, 8}, {108, 4, 3},
        {120, 2, 1}, {124, 4, 4}, {140, 4, 2}, {252, 2, 2}, {256, 4, 6}, {280, 4, 12}};

    private HeaderBytes() {
    }

    /** Returns the decompressed bytes of a (possibly gzipped) file. */
    static byte[] decompressed(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] bytes = raw.readAllBytes();
            if ((bytes[0] & 0xFF) != 0x1F || (bytes[1] & 0xFF) != 0x8B) {
                return bytes;
            }
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static ByteBuffer little(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reverses the bytes of every numeric header field and of every voxel of the given width. */
    static byte[] swapNifti1(byte[] littleEndian, int voxOffset, int voxelBytes) {
        byte[] out = littleEndian.clone();
        for (int[] field : NIFTI_1_FIELDS) {
            for (int i = 0; i < field[2]; i++) {
                reverse(out, field[0] + i * field[1], field[1]);
            }
        }
        for (int at = voxOffset; at + voxelBytes <= out.length; at += voxelBytes) {
            reverse(out, at, voxelBytes);
        }
        return out;
    }

    private static void reverse(byte[] b, int from, int width) {
        for (int i = 0; i < width / 2; i++) {
            byte t = b[from + i];
            b[from + i] = b[from + width - 1 - i];
            b[from + width - 1 - i] = t;
        }
    }
}
