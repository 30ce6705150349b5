package dev.attest.core.nifti;

import java.nio.ByteBuffer;

/** Converts between a slice's primitive array and its bytes on disk, in the buffer's byte order. */
final class VoxelBytes {

    private VoxelBytes() {
    }

    /** Fills slice from src, starting at src's position; bulk views keep this at memory speed. */
    static void decode(ByteBuffer src, Object slice) {
        switch (slice) {
            case byte[] a -> src.get(a);
            case short[] a -> src.asShortBuffer().get(a);
            case int[] a -> src.asIntBuffer().get(a);
            case float[] a -> src.asFloatBuffer().get(a);
            case double[] a -> src.asDoubleBuffer().get(a);
            default -> throw new IllegalArgumentException("not a slice array: " + slice.getClass());
        }
    }

    /** Writes count values of slice, starting at index from, into dst from its position. */
    static void encode(Object slice, int from, int count, ByteBuffer dst) {
        switch (slice) {
            case byte[] a -> dst.put(a, from, count);
            case short[] a -> dst.asShortBuffer().put(a, from, count);
            case int[] a -> dst.asIntBuffer().put(a, from, count);
            case float[] a -> dst.asFloatBuffer().put(a, from, count);
            case double[] a -> dst.asDoubleBuffer().put(a, from, count);
            default -> throw new IllegalArgumentException("not a slice array: " + slice.getClass());
        }
    }
}
