package dev.attest.core.volume;

/** The type in which a volume stores each voxel value. */
public enum VoxelType {
    UINT8(1, true, false, 0, 255),
    INT8(1, true, true, Byte.MIN_VALUE, Byte.MAX_VALUE),
    UINT16(2, true, false, 0, 65535),
    INT16(2, true, true, Short.MIN_VALUE, Short.MAX_VALUE),
    INT32(4, true, true, Integer.MIN_VALUE, Integer.MAX_VALUE),
    UINT32(4, true, false, 0, 4294967295.0),
    FLOAT32(4, false, true, -Float.MAX_VALUE, Float.MAX_VALUE),
    FLOAT64(8, false, true, -Double.MAX_VALUE, Double.MAX_VALUE);

    private final int bytes;
    private final boolean integer;
    private final boolean signed;
    private final double minValue;
    private final double maxValue;

    VoxelType(int bytes, boolean integer, boolean signed, double minValue, double maxValue) {
        this.bytes = bytes;
        this.integer = integer;
        this.signed = signed;
        this.minValue = minValue;
        this.maxValue = maxValue;
    }

    /** Bytes per voxel, in memory and on disk. */
    public int bytes() {
        return bytes;
    }

    public boolean isInteger() {
        return integer;
    }

    public boolean isSigned() {
        return signed;
    }

    /** Smallest value the type can store (the most negative finite value for floating types). */
    public double minValue() {
        return minValue;
    }

    /** Largest value the type can store. */
    public double maxValue() {
        return maxValue;
    }

    /**
     * Allocates the primitive array a {@link Volume} of this type stores one slice in: byte[] for
     * UINT8/INT8, short[] for UINT16/INT16, int[] for INT32/UINT32, float[] and double[] for the
     * floating types; unsigned values are kept in two's complement.
     */
    public Object newSliceArray(int length) {
        return switch (this) {
            case UINT8, INT8 -> new byte[length];
            case UINT16, INT16 -> new short[length];
            case INT32, UINT32 -> new int[length];
            case FLOAT32 -> new float[length];
            case FLOAT64 -> new double[length];
        };
    }
}
