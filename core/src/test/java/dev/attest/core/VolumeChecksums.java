package dev.attest.core;

import dev.attest.core.volume.Volume;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checksums of a volume's stored values computed the way the Python references were: little-endian
 * values with x fastest (numpy's order='F' for a nibabel array indexed [i, j, k]).
 */
public final class VolumeChecksums {

    private VolumeChecksums() {
    }

    public static String sha256(Volume volume) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        int sliceLength = volume.grid().sizeX() * volume.grid().sizeY();
        ByteBuffer buffer = ByteBuffer.allocate(sliceLength * volume.type().bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int z = 0; z < volume.grid().sizeZ(); z++) {
            buffer.clear();
            switch (volume.sliceArray(z)) {
                case byte[] a -> buffer.put(a);
                case short[] a -> buffer.asShortBuffer().put(a);
                case int[] a -> buffer.asIntBuffer().put(a);
                case float[] a -> buffer.asFloatBuffer().put(a);
                case double[] a -> buffer.asDoubleBuffer().put(a);
                default -> throw new AssertionError("not a slice array");
            }
            digest.update(buffer.array());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Sum of the stored values, exact for integer volumes. */
    public static long storedSum(Volume volume) {
        long sum = 0;
        for (int z = 0; z < volume.grid().sizeZ(); z++) {
            for (int y = 0; y < volume.grid().sizeY(); y++) {
                for (int x = 0; x < volume.grid().sizeX(); x++) {
                    sum += (long) volume.getStored(x, y, z);
                }
            }
        }
        return sum;
    }
}
