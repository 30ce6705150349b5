package dev.attest.inference.meshnet;

/**
 * The argmax label of every voxel, x fastest then y then z (the Volume memory order), as unsigned bytes;
 * with {@code evidenceClass} >= 0, {@code evidence} holds that class's softmax probability per voxel,
 * otherwise it is null.
 */
public record MeshNetSegmentation(int sizeX, int sizeY, int sizeZ, byte[] labels, int evidenceClass,
                                  float[] evidence) {

    public MeshNetSegmentation {
        long n = (long) sizeX * sizeY * sizeZ;
        if (labels.length != n || (evidence != null && evidence.length != n)) {
            throw new IllegalArgumentException("arrays do not match " + sizeX + "x" + sizeY + "x" + sizeZ);
        }
    }

    public int label(int x, int y, int z) {
        return labels[(z * sizeY + y) * sizeX + x] & 0xFF;
    }

    /** Voxels per label value, for labels 0..classes-1. */
    public long[] counts(int classes) {
        long[] c = new long[classes];
        for (byte b : labels) {
            c[b & 0xFF]++;
        }
        return c;
    }
}
